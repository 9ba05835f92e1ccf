package dev.kitty.budget;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        ApplicationModules.of(BudgetServiceApplication.class).verify();
    }
}
