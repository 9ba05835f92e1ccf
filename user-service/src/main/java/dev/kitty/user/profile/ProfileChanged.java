package dev.kitty.user.profile;

import java.util.UUID;

/**
 * Domain event: what other members see of a user changed, or the profile was just created.
 *
 * @param revision the profile's revision after the change, from 1: other services compare it
 */
public record ProfileChanged(UUID userId, String email, String displayName, long revision) {
}
