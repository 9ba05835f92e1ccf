package dev.kitty.notification;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(NotificationServiceApplication.class).verify();
    }
}
