package dev.kitty.auth;

import dev.kitty.platform.test.architecture.KittyArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTests {

    /**
     * One known exception: {@code account.Account} is a public entity. Registration, sessions,
     * passwords, tokens, administration, bootstrap and key rotation all read or change accounts
     * (through {@code account.Accounts}, never the repository), and the entity's rules (who may sign
     * in, password and role changes with their domain events) are what they share; a package-private
     * entity would need a second model of the same row in each of them.
     */
    @TestFactory
    Stream<DynamicTest> keepsKittysBoundaries() {
        return KittyArchitecture.verify("dev.kitty.auth", "dev.kitty.auth.account.Account");
    }

    @Test
    void keepsApiProblemInTheWebLayer() {
        KittyArchitecture.apiProblemStaysInTheWebLayer().check(KittyArchitecture.productionClassesOf("dev.kitty.auth"));
    }
}
