package dev.kitty.auth.pat;

import java.time.Instant;
import java.util.UUID;

/** In-process domain event: the owner revoked one of their personal access tokens. */
public record PersonalAccessTokenRevoked(UUID accountId, UUID tokenId, Instant revokedAt) {}
