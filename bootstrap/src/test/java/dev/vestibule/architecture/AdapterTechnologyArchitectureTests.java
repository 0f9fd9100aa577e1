package dev.vestibule.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.vestibule.architecture.Packages.CRYPTO;
import static dev.vestibule.architecture.Packages.MAIL;
import static dev.vestibule.architecture.Packages.MEMORY;
import static dev.vestibule.architecture.Packages.PERSISTENCE;
import static dev.vestibule.architecture.Packages.REDIS;
import static dev.vestibule.architecture.Packages.ROOT;
import static dev.vestibule.architecture.Packages.WEB;
import static dev.vestibule.architecture.Packages.WEBAUTHN;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each technology stays in the module that adapts it, so that "where is Redis?" has one answer: a folder.
 * The core is already held to an allow-list by {@link HexagonalArchitectureTests}; these rules close the
 * remaining gaps: one adapter using another's technology, and bootstrap reaching past the adapters' public
 * configurations into their libraries.
 */
@AnalyzeClasses(
        packages = ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class AdapterTechnologyArchitectureTests {

    private static final String SPRING_DATA_REDIS = "org.springframework.data.redis..";

    /** The Redis adapter stores Spring Security's session attributes (the CSRF token) as JSON. */
    private static final String SPRING_SECURITY_JACKSON = "org.springframework.security.jackson..";

    /** The crypto adapter hashes with Spring Security's Argon2 encoder. */
    private static final String SPRING_SECURITY_CRYPTO = "org.springframework.security.crypto..";

    @ArchTest
    static final ArchRule databaseTechnologyOnlyInThePersistenceAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(PERSISTENCE)
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "io.r2dbc..",
                            "org.springframework.r2dbc..",
                            "org.springframework.data..",
                            "org.flywaydb..",
                            "org.springframework.dao..",
                            "org.springframework.transaction..",
                            "org.postgresql..",
                            "org.h2..",
                            "com.github.benmanes.caffeine..")
                    .and(not(resideInAPackage(SPRING_DATA_REDIS)))
                    .as("belong to R2DBC, Spring Data (except Redis), Flyway, Spring's DAO exceptions or its "
                            + "transactions, the database drivers or the user cache's Caffeine"))
            .because("the database is a detail of the persistence adapter; the ports speak in domain results");

    @ArchTest
    static final ArchRule redisTechnologyOnlyInTheRedisAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(REDIS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.lettuce..",
                    SPRING_DATA_REDIS,
                    "org.springframework.session.data.redis..",
                    "io.github.bucket4j.redis..",
                    "org.springframework.boot.data.redis..")
            .because("Redis (Lettuce, Spring Data Redis, Spring Session's Redis store, Bucket4j's Lettuce "
                    + "buckets) is a detail of the Redis adapter, which bootstrap only imports");

    @ArchTest
    static final ArchRule springSessionOnlyInTheSessionStoreAdapters = noClasses()
            .that()
            .resideOutsideOfPackages(REDIS, MEMORY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.session..")
            .because("where sessions live (memory or Redis) is the session store adapters' business; "
                    + "the pages see Spring's WebSession only");

    @ArchTest
    static final ArchRule bucketsOnlyInTheSessionStoreAdapters = noClasses()
            .that()
            .resideOutsideOfPackages(REDIS, MEMORY)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.bucket4j..")
            .because("throttling buckets live with the sessions; the core asks the AttemptLimiter port");

    @ArchTest
    static final ArchRule cryptographyOnlyInTheCryptoAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(CRYPTO)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.bouncycastle..", SPRING_SECURITY_CRYPTO, "com.nulabinc..")
            .because("hashing (Argon2 on Bouncy Castle, Spring Security's encoders) and the password lists "
                    + "are details of the crypto adapter behind the PasswordHasher port");

    @ArchTest
    static final ArchRule webTechnologyOnlyInTheWebAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(WEB)
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "org.springframework.web..",
                            "org.springframework.http..",
                            "org.springframework.ui..",
                            "org.springframework.security..",
                            "org.springframework.boot.mustache..")
                    .and(not(resideInAnyPackage(SPRING_SECURITY_JACKSON, SPRING_SECURITY_CRYPTO)))
                    .as("belong to HTTP, WebFlux, Boot's Mustache views or Spring Security (other than its Jackson "
                            + "module and its crypto)"))
            .because(
                    "pages and security are configured by the web adapter's WebConfiguration, which bootstrap imports");

    @ArchTest
    static final ArchRule securitysJacksonModuleOnlyInTheRedisAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(REDIS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SPRING_SECURITY_JACKSON)
            .because("only the Redis session store serialises Spring Security's attributes");

    @ArchTest
    static final ArchRule mailTechnologyOnlyInTheMailAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.mail..",
                    "org.eclipse.angus..",
                    "org.springframework.mail..",
                    "org.springframework.boot.mail..")
            .because("SMTP (Jakarta Mail, Spring's and Boot's mail support) is a detail of the mail adapter behind the "
                    + "MailSender port");

    /** Mustache renders two things: the pages (through Boot's view support) and the mails (JMustache directly). */
    @ArchTest
    static final ArchRule mustacheOnlyInTheWebAndMailAdapters = noClasses()
            .that()
            .resideOutsideOfPackages(WEB, MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.samskivert..")
            .because(
                    "templates are the web adapter's pages and the mail adapter's mails; the core says what, never how");

    // issue 14: passkey
    @ArchTest
    static final ArchRule webAuthnTechnologyOnlyInTheWebAuthnAdapter = noClasses()
            .that()
            .resideOutsideOfPackage(WEBAUTHN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.webauthn4j..")
            .because("WebAuthn verification (webauthn4j) is a detail of the WebAuthn adapter behind the "
                    + "PasskeyVerifier port; the pages pass the browser's JSON through as it came");

    /** Keeps the rule above from passing vacuously: the adapter does use webauthn4j. */
    @ArchTest
    static final ArchRule theWebAuthnAdapterUsesWebauthn4j =
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                    .that()
                    .haveSimpleName("Webauthn4jPasskeyVerifier")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("com.webauthn4j..");
}
