package dev.kitty.budget.knownuser;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account as budget-service knows it from identity and user events.
 *
 * @param displayName null until a registration or profile event has named the user
 */
public record KnownUser(UUID userId, String email, @Nullable String displayName, boolean emailVerified) {
}
