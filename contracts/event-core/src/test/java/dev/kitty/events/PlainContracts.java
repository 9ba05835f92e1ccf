package dev.kitty.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule every contracts module keeps: its classes use the JDK, the event core and their own
 * package, nothing else: no Spring, JPA, Jackson or Lombok type or annotation, so a consumer that
 * depends on a contract pulls in nothing but the contract.
 */
public final class PlainContracts {

    private PlainContracts() {
    }

    /** Checks the production classes of the package {@code contractsClass} is in. */
    public static void check(Class<?> contractsClass) {
        var contracts = contractsClass.getPackageName();
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(contracts);
        rule(contracts).check(classes);
    }

    static ArchRule rule(String contractsPackage) {
        return classes().that().resideInAPackage(contractsPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kitty.events..", contractsPackage + "..")
                .as("contracts in " + contractsPackage + " depend only on the JDK and the event core");
    }
}
