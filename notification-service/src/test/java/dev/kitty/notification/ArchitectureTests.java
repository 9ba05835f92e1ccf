package dev.kitty.notification;

import dev.kitty.platform.test.architecture.KittyArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTests {

    @TestFactory
    Stream<DynamicTest> keepsKittysBoundaries() {
        return KittyArchitecture.verify("dev.kitty.notification");
    }

    @Test
    void keepsApiProblemInTheWebLayer() {
        KittyArchitecture.apiProblemStaysInTheWebLayer().check(KittyArchitecture.productionClassesOf("dev.kitty.notification"));
    }
}
