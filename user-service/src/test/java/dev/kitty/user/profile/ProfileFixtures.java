package dev.kitty.user.profile;

import java.time.Instant;
import java.util.UUID;

final class ProfileFixtures {

    static final UUID ADA_ID = UUID.fromString("3f8a2c7e-5b1d-4e6f-9a0b-1c2d3e4f5a6b");
    static final Instant REGISTERED_AT = Instant.parse("2026-11-23T09:15:30Z");

    private ProfileFixtures() {
    }

    static Profile ada() {
        return Profile.register(ADA_ID, "ada@example.com", "Ada", REGISTERED_AT);
    }
}
