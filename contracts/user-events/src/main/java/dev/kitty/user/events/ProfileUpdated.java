package dev.kitty.user.events;

import java.util.UUID;

/** The name other members see changed (also published once when the profile is created). */
public record ProfileUpdated(UUID userId, String email, String displayName) {}
