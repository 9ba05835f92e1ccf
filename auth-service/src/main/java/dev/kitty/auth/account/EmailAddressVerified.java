package dev.kitty.auth.account;

import java.time.Instant;
import java.util.UUID;

/** Domain event: the account's owner proved they read mail at {@code email}. */
public record EmailAddressVerified(UUID accountId, String email, Instant verifiedAt) {}
