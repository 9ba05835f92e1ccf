package dev.kitty.user;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiAndDoNotDependInCycles() {
        var m = ApplicationModules.of(UserServiceApplication.class); System.out.println("MODULES:" + m); m.verify();
    }
}
