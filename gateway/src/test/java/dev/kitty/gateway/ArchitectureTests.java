package dev.kitty.gateway;

import dev.kitty.platform.test.architecture.KittyArchitecture;
import org.junit.jupiter.api.Test;

/** Of Kitty's boundary rules only this one applies here: no controllers, entities or outbox. */
class ArchitectureTests {

    @Test
    void dependsOnNoOtherService() {
        KittyArchitecture.dependsOnNoOtherService("dev.kitty.gateway").check(KittyArchitecture.productionClassesOf("dev.kitty.gateway"));
    }
}
