package dev.kitty.user;

import dev.kitty.platform.test.architecture.KittyArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTests {

    @TestFactory
    Stream<DynamicTest> keepsKittysBoundaries() {
        return KittyArchitecture.verify("dev.kitty.user");
    }

    /**
     * One known exception, frozen: {@code web.UserProblems} builds the {@code profile-not-found}
     * problem (its own slug and title, "Profile not found") that profile and settings throw. The
     * domain exceptions carry no title, so migrating it would change that answer's title.
     */
    @Test
    void keepsApiProblemInTheWebLayer() {
        KittyArchitecture.apiProblemStaysInTheWebLayer("dev.kitty.user.web.UserProblems")
                .check(KittyArchitecture.productionClassesOf("dev.kitty.user"));
    }
}
