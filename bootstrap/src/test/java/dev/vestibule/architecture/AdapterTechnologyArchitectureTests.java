package dev.vestibule.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.vestibule.architecture.Packages.BOOTSTRAP;
import static dev.vestibule.architecture.Packages.PERSISTENCE;
import static dev.vestibule.architecture.Packages.ROOT;
import static dev.vestibule.architecture.Packages.WEB;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each technology stays in the module that adapts it. The core is already held to an allow-list by
 * {@link HexagonalArchitectureTests}; these rules close the remaining gaps: one adapter using the other's
 * technology, and bootstrap reaching past the adapters' public configurations into their libraries.
 */
@AnalyzeClasses(packages = ROOT, importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class AdapterTechnologyArchitectureTests {

    /** Spring Data Redis backs the session store, which bootstrap chooses; it is not the persistence adapter's. */
    private static final String SPRING_DATA_REDIS = "org.springframework.data.redis..";

    /** Bootstrap serialises Spring Security's session attributes (the CSRF token) as JSON for Redis. */
    private static final String SPRING_SECURITY_JACKSON = "org.springframework.security.jackson..";

    @ArchTest
    static final ArchRule databaseTechnologyOnlyInThePersistenceAdapter = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat(resideInAnyPackage(
                    "io.r2dbc..", "org.springframework.r2dbc..", "org.springframework.data..", "org.flywaydb..",
                    "org.springframework.dao..", "org.springframework.transaction..", "org.postgresql..")
                    .and(not(resideInAPackage(SPRING_DATA_REDIS)))
                    .as("belong to R2DBC, Spring Data (except Redis), Flyway, Spring's DAO exceptions or its transactions"))
            .because("the database is a detail of the persistence adapter; the ports speak in domain results");

    @ArchTest
    static final ArchRule webTechnologyOnlyInTheWebAdapter = noClasses()
            .that().resideOutsideOfPackages(WEB, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.ui..",
                    "org.springframework.security..", "com.samskivert..", "org.springframework.boot.mustache..")
            .because("HTTP, WebFlux, Spring Security and Mustache are details of the web adapter");

    /** Bootstrap configures the session store; of the web adapter's technology it needs only Security's Jackson module. */
    @ArchTest
    static final ArchRule bootstrapUsesNoWebTechnologyButSecuritysJacksonModule = noClasses()
            .that().resideInAPackage(BOOTSTRAP)
            .should().dependOnClassesThat(resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.ui..",
                    "org.springframework.security..", "com.samskivert..", "org.springframework.boot.mustache..")
                    .and(not(resideInAPackage(SPRING_SECURITY_JACKSON)))
                    .as("belong to web technology other than " + SPRING_SECURITY_JACKSON))
            .because("pages and security are configured by the web adapter's WebConfiguration, which bootstrap imports");

    @ArchTest
    static final ArchRule sessionStoreOnlyInBootstrap = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.session..", SPRING_DATA_REDIS, "io.lettuce..")
            .because("where sessions live (memory or Redis) is a deployment choice made in bootstrap");
}
