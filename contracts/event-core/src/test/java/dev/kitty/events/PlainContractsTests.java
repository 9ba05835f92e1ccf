package dev.kitty.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class PlainContractsTests {

    @Test
    void theEventCoreDependsOnlyOnTheJdk() {
        PlainContracts.check(EventType.class);
    }

    @Test
    void findsAContractThatUsesAFramework() {
        // this test class itself uses JUnit and AssertJ: a contract that did so would be refused
        var classes = new ClassFileImporter().importClasses(PlainContractsTests.class);

        assertThat(PlainContracts.rule("dev.kitty.events").evaluate(classes).getFailureReport().getDetails())
                .anySatisfy(violation -> assertThat(violation).contains("org.junit.jupiter.api.Test"));
    }
}
