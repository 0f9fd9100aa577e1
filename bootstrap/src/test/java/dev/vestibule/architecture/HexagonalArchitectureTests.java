package dev.vestibule.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.vestibule.architecture.Packages.APPLICATION;
import static dev.vestibule.architecture.Packages.BOOTSTRAP;
import static dev.vestibule.architecture.Packages.CRYPTO;
import static dev.vestibule.architecture.Packages.DOMAIN;
import static dev.vestibule.architecture.Packages.JDK;
import static dev.vestibule.architecture.Packages.MAIL;
import static dev.vestibule.architecture.Packages.MEMORY;
import static dev.vestibule.architecture.Packages.MODEL;
import static dev.vestibule.architecture.Packages.PERSISTENCE;
import static dev.vestibule.architecture.Packages.PORTS;
import static dev.vestibule.architecture.Packages.PORTS_IN;
import static dev.vestibule.architecture.Packages.PORTS_OUT;
import static dev.vestibule.architecture.Packages.REDIS;
import static dev.vestibule.architecture.Packages.ROOT;
import static dev.vestibule.architecture.Packages.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The hexagon: dependencies point inward only, {@code domain <- application <- adapters <- bootstrap}, and the
 * core (model, ports, application) uses nothing but the JDK and, where it does I/O, Reactor.
 */
@AnalyzeClasses(
        packages = ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class HexagonalArchitectureTests {

    /**
     * Who may depend on whom among our own classes.
     *
     * <p>{@code consideringAllDependencies()}: no dependency is filtered out before the check. Every constraint
     * is stated on the target side ({@code mayOnlyBeAccessedByLayers}): one per layer, they name every edge of
     * the graph that is allowed, so any other edge between our classes fails. A target-side constraint cannot
     * be tripped by {@code java.*}, Reactor or Spring (those classes are in no layer), whereas an origin-side
     * {@code mayOnlyAccessLayers} would, under {@code consideringAllDependencies()}, flag {@code Object} itself.
     * Library use is therefore not a matrix question: allow-lists below pin down the model, the ports and the
     * application, and {@link AdapterTechnologyArchitectureTests} keeps each technology in its adapter. Layers
     * may not be empty (ArchUnit's default), and {@code ensureAllClassesAreContainedInArchitecture()} fails on
     * any main class outside every layer, such as a {@code dev.vestibule.shared} package nobody placed.
     */
    @ArchTest
    static final ArchRule dependenciesPointInward = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Model")
            .definedBy(MODEL)
            .layer("Driving ports")
            .definedBy(PORTS_IN)
            .layer("Driven ports")
            .definedBy(PORTS_OUT)
            .layer("Application")
            .definedBy(APPLICATION)
            .layer("Web")
            .definedBy(WEB)
            .layer("Persistence")
            .definedBy(PERSISTENCE)
            .layer("Redis")
            .definedBy(REDIS)
            .layer("Memory")
            .definedBy(MEMORY)
            .layer("Crypto")
            .definedBy(CRYPTO)
            .layer("Mail")
            .definedBy(MAIL)
            .layer("Bootstrap")
            .definedBy(BOOTSTRAP)
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers(
                    "Driving ports",
                    "Driven ports",
                    "Application",
                    "Web",
                    "Persistence",
                    "Redis",
                    "Memory",
                    "Crypto",
                    "Mail",
                    "Bootstrap")
            // The pages drive the use cases; they never reach past them into storage or hashing.
            .whereLayer("Driving ports")
            .mayOnlyBeAccessedByLayers("Application", "Web", "Bootstrap")
            .whereLayer("Driven ports")
            .mayOnlyBeAccessedByLayers("Application", "Persistence", "Redis", "Memory", "Crypto", "Mail", "Bootstrap")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Web")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Persistence")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Redis")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Memory")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Crypto")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Mail")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Bootstrap")
            .mayNotBeAccessedByAnyLayer()
            .ensureAllClassesAreContainedInArchitecture();

    // If jspecify's @NullMarked is adopted (STYLE.md, small habits), add "org.jspecify.annotations.." to the
    // three allow-lists below; until then nothing outside them is needed, so nothing else is allowed.

    @ArchTest
    static final ArchRule modelDependsOnlyOnTheJdk = classes()
            .that()
            .resideInAPackage(MODEL)
            .should()
            .onlyDependOnClassesThat()
            // issue 14: twofactor. javax.crypto is the JDK's too: RFC 6238 is an HMAC, computed by the model itself.
            .resideInAnyPackage(MODEL, JDK, "javax.crypto..")
            .because("the model is pure and synchronous: no Reactor, no framework, no annotations from any library");

    @ArchTest
    static final ArchRule portsDependOnlyOnTheModelTheJdkAndReactorPublishers = classes()
            .that()
            .resideInAPackage(PORTS)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(PORTS, MODEL, JDK, "reactor.core.publisher..")
            .because("a port speaks in domain types, and in Mono/Flux when it does I/O; nothing else leaks into it");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnTheDomainTheJdkAndReactor = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, JDK, "reactor..")
            .because("use cases contain no Spring: bootstrap builds them with new and exposes them as their in-ports");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices().matching("dev.vestibule.adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .because("adapters meet only through the ports, wired by bootstrap");

    /** Per module: a cycle between two packages of one adapter means they are one feature, or a third is missing. */
    @ArchTest
    static final ArchRule noPackageCyclesInsideAnAdapter = slices().matching("dev.vestibule.adapters.(*).(*)..")
            .should()
            .beFreeOfCycles()
            .because("each package of an adapter is one feature; features depend on shared ones, never in a circle");

    @ArchTest
    static final ArchRule noPackageCyclesInsideTheModel = slices().matching("dev.vestibule.domain.model.(*)..")
            .should()
            .beFreeOfCycles()
            .because("the model's features depend on each other in one direction only");

    @ArchTest
    static final ArchRule noPackageCyclesInsideTheApplication = slices().matching("dev.vestibule.application.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each use-case package is one feature; features depend on each other in one direction only");

    /**
     * Main code never touches test libraries; this also proves that no test class (this module's, or a sibling's
     * test jar) slipped into the import and is being judged as main code.
     */
    @ArchTest
    static final ArchRule mainCodeDoesNotDependOnTestLibraries = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.junit..",
                    "org.assertj..",
                    "org.mockito..",
                    "org.testcontainers..",
                    "reactor.test..",
                    "com.tngtech.archunit..",
                    "org.springframework.test..",
                    "org.springframework.boot.test..");

    /**
     * Guards the guards: every package the rules name holds main classes, so a typo in a package name, a moved
     * module or a broken import cannot turn the suite into a row of vacuous passes.
     */
    @ArchTest
    static void everyPackageTheRulesNameHoldsMainClasses(JavaClasses classes) {
        List<String> packages = List.of(
                "dev.vestibule.domain.model.user",
                "dev.vestibule.domain.model.password",
                "dev.vestibule.domain.model.login",
                "dev.vestibule.domain.model.mail",
                "dev.vestibule.application.mail",
                "dev.vestibule.adapters.persistence.mail",
                PORTS_IN,
                PORTS_OUT,
                APPLICATION,
                WEB,
                PERSISTENCE,
                REDIS,
                MEMORY,
                CRYPTO,
                MAIL,
                BOOTSTRAP);
        for (String packageName : packages) {
            assertThat(classes.that(resideInAPackage(packageName)))
                    .as("main classes in %s", packageName)
                    .isNotEmpty();
        }
        assertThat(classes.that(resideInAPackage("dev.vestibule.architecture..")))
                .as("test classes must not be imported")
                .isEmpty();
    }
}
