package dev.kitty.auth;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicTypesAndWithoutCycles() {
        ApplicationModules.of(AuthServiceApplication.class).verify();
    }
}
