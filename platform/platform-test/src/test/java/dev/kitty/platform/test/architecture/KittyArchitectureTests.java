package dev.kitty.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule against dev.kitty.archfixture, a made-up service that breaks it once. */
class KittyArchitectureTests {

    private static final String FIXTURE = "dev.kitty.archfixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void findsADependencyOnAnotherServiceButAllowsThePlatformAndContracts() {
        assertThat(violations(KittyArchitecture.dependsOnNoOtherService(FIXTURE)))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("dev.kitty.otherservice.Secret"));
    }

    @Test
    void findsAPublicController() {
        assertThat(violations(KittyArchitecture.controllersArePackagePrivate()))
                .singleElement().asString().contains("AccountController");
    }

    @Test
    void findsEntitiesInHandlerSignaturesIncludingGenericsButNotInHelpers() {
        assertThat(violations(KittyArchitecture.entitiesStayOutOfWebSignatures()))
                .hasSize(2)
                .anySatisfy(violation -> assertThat(violation).contains("AccountController.all()"))
                .anySatisfy(violation -> assertThat(violation).contains("AccountController.create(dev.kitty.archfixture.account.Account)"))
                .noneSatisfy(violation -> assertThat(violation).contains("describe"));
    }

    @Test
    void findsAPublicEntityUnlessItIsAKnownException() {
        assertThat(violations(KittyArchitecture.entitiesArePackagePrivate())).singleElement().asString().contains("account.Account");
        assertThat(violations(KittyArchitecture.entitiesArePackagePrivate(FIXTURE + ".account.Account"))).isEmpty();
    }

    @Test
    void findsAPublisherOutsideTheMessagingPackage() {
        assertThat(violations(KittyArchitecture.onlyTheTranslatorPublishes(FIXTURE)))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("admin.Administration").doesNotContain("Translator"));
    }

    @Test
    void findsARepositoryUsedFromAnotherPackage() {
        assertThat(violations(KittyArchitecture.repositoriesAreUsedOnlyInTheirOwnPackage()))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("admin.Administration").doesNotContain("AccountController"));
    }

    @Test
    void findsApiProblemBelowTheControllersUnlessItIsAKnownException() {
        assertThat(violations(KittyArchitecture.apiProblemStaysInTheWebLayer()))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains("admin.Administration")
                        .doesNotContain("AccountController").doesNotContain("AccountProblems"));
        assertThat(violations(KittyArchitecture.apiProblemStaysInTheWebLayer(FIXTURE + ".admin.Administration"))).isEmpty();
    }

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(CLASSES).getFailureReport().getDetails();
    }
}
