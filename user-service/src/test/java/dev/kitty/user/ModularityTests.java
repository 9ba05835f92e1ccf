package dev.kitty.user;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiAndDoNotDependInCycles() {
        ApplicationModules.of(UserServiceApplication.class).verify();
    }
}
