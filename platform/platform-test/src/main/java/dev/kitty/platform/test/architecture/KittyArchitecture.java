package dev.kitty.platform.test.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The boundaries of the style guide as ArchUnit rules, written once for every service. A service's
 * {@code ArchitectureTests} checks them on its production classes, one dynamic test per rule:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> keepsKittysBoundaries() {
 *     return KittyArchitecture.verify("dev.kitty.budget");
 * }
 * }</pre>
 * Each rule is also available on its own, for modules where only some apply (the gateway and
 * discovery have no controllers, entities or outbox).
 *
 * <p>Annotations and platform types are named, not referenced, so this module needs neither JPA nor
 * Spring MVC nor the platform starter on its class path.
 */
public final class KittyArchitecture {

    private static final String KITTY = "dev.kitty..";
    private static final String PLATFORM = "dev.kitty.platform..";
    private static final String EVENT_CORE = "dev.kitty.events..";
    /** Every producer's contracts: {@code dev.kitty.identity.events}, {@code dev.kitty.user.events}, ... */
    private static final String CONTRACTS = "dev.kitty.*.events..";

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
    private static final String INTEGRATION_EVENTS = "dev.kitty.platform.messaging.IntegrationEvents";
    private static final String API_PROBLEM = "dev.kitty.platform.web.ApiProblem";
    private static final String CONTROLLER_ADVICE = "org.springframework.web.bind.annotation.ControllerAdvice";
    private static final String HANDLER_INTERCEPTOR = "org.springframework.web.servlet.HandlerInterceptor";

    private KittyArchitecture() {
    }

    /** The classes a service ships below its base package: no test classes, nothing from a jar. */
    public static JavaClasses productionClassesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /**
     * Checks every rule below on the production classes of a service, one dynamic test per rule.
     *
     * @param entitiesKnownToBePublic see {@link #entitiesArePackagePrivate}
     */
    public static Stream<DynamicTest> verify(String basePackage, String... entitiesKnownToBePublic) {
        var classes = productionClassesOf(basePackage);
        return serviceRules(basePackage, entitiesKnownToBePublic).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** Every rule below, for a service with HTTP controllers, entities and an outbox. */
    public static List<ArchRule> serviceRules(String basePackage, String... entitiesKnownToBePublic) {
        return List.of(
                dependsOnNoOtherService(basePackage),
                controllersArePackagePrivate(),
                entitiesStayOutOfWebSignatures(),
                entitiesArePackagePrivate(entitiesKnownToBePublic),
                onlyTheTranslatorPublishes(basePackage),
                repositoriesAreUsedOnlyInTheirOwnPackage());
    }

    /**
     * A service's classes depend on their own package, the platform, the event core and the
     * contracts packages ({@code dev.kitty.<producer>.events}), never on another service. User-service's
     * own package is {@code dev.kitty.user} and its contracts are {@code dev.kitty.user.events}: both are
     * allowed to it, only the contracts to everyone else.
     */
    public static ArchRule dependsOnNoOtherService(String basePackage) {
        var own = basePackage + "..";
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(resideInAPackage(KITTY)
                        .and(not(resideInAnyPackage(own, PLATFORM, EVENT_CORE, CONTRACTS))))
                .as("classes of " + basePackage + " depend on no other service (only on " + own + ", "
                        + PLATFORM + ", " + EVENT_CORE + " and " + CONTRACTS + ")");
    }

    /** Controllers are package-private, like petclinic's {@code OwnerController}: the HTTP API is their only face. */
    public static ArchRule controllersArePackagePrivate() {
        return classes().that().areAnnotatedWith(REST_CONTROLLER).or().areAnnotatedWith(CONTROLLER)
                .should().bePackagePrivate()
                .allowEmptyShould(true)
                .as("controllers are package-private");
    }

    /**
     * No {@code @Entity} in a handler method's signature, generics included
     * ({@code ResponseEntity<Account>}, {@code List<Profile>}): the API speaks {@code *Request} and
     * {@code *Response} records, so a new column never leaks out and a request never binds onto a row.
     */
    public static ArchRule entitiesStayOutOfWebSignatures() {
        return methods().that(areHandlerMethods())
                .should(notMentionEntitiesInTheirSignature())
                .allowEmptyShould(true)
                .as("entities never appear in controller method parameters or return types");
    }

    /**
     * Entities are package-private, so only their feature's code can change them.
     *
     * @param knownExceptions fully qualified names of entities that are public for a reason the
     *                        calling test states in a comment
     */
    public static ArchRule entitiesArePackagePrivate(String... knownExceptions) {
        var exceptions = Set.of(knownExceptions);
        return classes().that().areAnnotatedWith(ENTITY)
                .and(DescribedPredicate.describe("are not a known exception " + Arrays.toString(knownExceptions),
                        (JavaClass entity) -> !exceptions.contains(entity.getName())))
                .should().bePackagePrivate()
                .allowEmptyShould(true)
                .as("entities are package-private" + (exceptions.isEmpty() ? "" : " (except " + exceptions + ")"));
    }

    /**
     * Only the service's {@code messaging} package (its one translator of domain events into
     * integration events) may use the platform's {@code IntegrationEvents}.
     */
    public static ArchRule onlyTheTranslatorPublishes(String basePackage) {
        var messaging = basePackage + ".messaging..";
        return noClasses().that().resideInAPackage(basePackage + "..").and().resideOutsideOfPackage(messaging)
                .should().dependOnClassesThat().haveFullyQualifiedName(INTEGRATION_EVENTS)
                .as("only " + messaging + " publishes integration events (uses " + INTEGRATION_EVENTS + ")");
    }

    /**
     * A {@code *Repository} is used only by classes of its own package: another feature goes through
     * that feature's application service.
     */
    public static ArchRule repositoriesAreUsedOnlyInTheirOwnPackage() {
        return classes().that().haveSimpleNameEndingWith("Repository")
                .should(beUsedOnlyFromTheirOwnPackage())
                .allowEmptyShould(true)
                .as("repositories are used only in their own package");
    }

    /**
     * {@code ApiProblem} is an HTTP answer and stays in the web layer: controllers, controller advice
     * and handler interceptors. Below them, application services throw the platform's
     * {@code DomainException}s, which {@code ProblemDetailsAdvice} maps to the same answers. Not part
     * of {@link #serviceRules}: a service applies it once it passes, in its {@code ArchitectureTests}.
     *
     * @param knownExceptions fully qualified names of classes that still use {@code ApiProblem}, frozen
     *                        until migrated; the calling test says why in a comment
     */
    public static ArchRule apiProblemStaysInTheWebLayer(String... knownExceptions) {
        var exceptions = Set.of(knownExceptions);
        return noClasses()
                .that(DescribedPredicate.describe("are no controller, controller advice or handler interceptor"
                                + (exceptions.isEmpty() ? "" : " and not a known exception " + exceptions),
                        (JavaClass type) -> !isWebLayer(type) && !exceptions.contains(type.getName())))
                .should().dependOnClassesThat().haveFullyQualifiedName(API_PROBLEM)
                .as("only controllers, controller advice and handler interceptors use ApiProblem; application code throws DomainException"
                        + (exceptions.isEmpty() ? "" : " (except " + exceptions + ")"));
    }

    private static boolean isWebLayer(JavaClass type) {
        var outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return annotatedOrMeta(outermost, CONTROLLER) || annotatedOrMeta(outermost, CONTROLLER_ADVICE)
                || outermost.isAssignableTo(HANDLER_INTERCEPTOR);
    }

    private static DescribedPredicate<JavaMethod> areHandlerMethods() {
        return DescribedPredicate.describe("are request handlers of controllers", method -> {
            var owner = method.getOwner();
            return annotatedOrMeta(owner, CONTROLLER) && annotatedOrMeta(method, REQUEST_MAPPING);
        });
    }

    private static boolean annotatedOrMeta(CanBeAnnotated annotated, String annotation) {
        return annotated.isAnnotatedWith(annotation) || annotated.isMetaAnnotatedWith(annotation);
    }

    private static ArchCondition<JavaMethod> notMentionEntitiesInTheirSignature() {
        return new ArchCondition<>("not mention an @Entity in their signature") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                        .map(JavaType::getAllInvolvedRawTypes)
                        .flatMap(Set::stream)
                        .filter(type -> type.isAnnotatedWith(ENTITY))
                        .distinct()
                        .forEach(entity -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " mentions entity " + entity.getName() + " in its signature")));
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getDirectDependenciesToSelf().stream()
                        .filter(dependency -> !dependency.getOriginClass().getPackageName().equals(repository.getPackageName()))
                        .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }
}
