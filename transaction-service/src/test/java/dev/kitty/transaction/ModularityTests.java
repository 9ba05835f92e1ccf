package dev.kitty.transaction;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(TransactionServiceApplication.class).verify();
    }
}
