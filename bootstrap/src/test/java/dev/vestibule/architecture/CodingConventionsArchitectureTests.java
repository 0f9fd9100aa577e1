package dev.vestibule.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static dev.vestibule.architecture.Packages.APPLICATION;
import static dev.vestibule.architecture.Packages.DOMAIN;
import static dev.vestibule.architecture.Packages.MAIL;
import static dev.vestibule.architecture.Packages.MEMORY;
import static dev.vestibule.architecture.Packages.PERSISTENCE;
import static dev.vestibule.architecture.Packages.PORTS_IN;
import static dev.vestibule.architecture.Packages.PORTS_OUT;
import static dev.vestibule.architecture.Packages.REDIS;
import static dev.vestibule.architecture.Packages.ROOT;
import static dev.vestibule.architecture.Packages.WEB;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.vestibule.adapters.mail.MailConfiguration;
import dev.vestibule.adapters.memory.MemoryConfiguration;
import dev.vestibule.adapters.persistence.PersistenceConfiguration;
import dev.vestibule.adapters.redis.RedisConfiguration;
import dev.vestibule.adapters.web.WebConfiguration;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Conventions cheap to check by machine: no blocking, no field injection, one entry point per adapter. */
@AnalyzeClasses(
        packages = ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class CodingConventionsArchitectureTests {

    private static final Set<String> BLOCKING_NAMES = Set.of("toIterable", "toStream");

    private static final DescribedPredicate<JavaMethodCall> BLOCKING_REACTOR_CALL =
            DescribedPredicate.describe("Mono/Flux block*(), toIterable() or toStream()", call -> {
                JavaClass owner = call.getTarget().getOwner();
                String name = call.getName();
                return (owner.isAssignableTo(Mono.class) || owner.isAssignableTo(Flux.class))
                        && (name.startsWith("block") || BLOCKING_NAMES.contains(name));
            });

    private static final DescribedPredicate<JavaAnnotation<?>> SPRING_ANNOTATION = DescribedPredicate.describe(
            "a Spring annotation",
            annotation -> annotation.getRawType().getPackageName().startsWith("org.springframework"));

    /** Reading the wall clock: the core is handed time as an Instant or a Clock instead. */
    private static final DescribedPredicate<JavaMethodCall> AMBIENT_TIME_CALL = DescribedPredicate.describe(
            "java.time now() without a Clock, Clock.system*() or System.currentTimeMillis()", call -> {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getName();
                boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
                return (owner.startsWith("java.time.") && name.equals("now") && noArguments)
                        || (owner.equals(Clock.class.getName()) && name.startsWith("system"))
                        || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"));
            });

    @ArchTest
    static final ArchRule noBlockingOnReactiveTypes = noClasses()
            .should()
            .callMethodWhere(BLOCKING_REACTOR_CALL)
            .because("a blocked event-loop thread stalls every request it serves; compose the Mono/Flux instead");

    /** package-info compiles to a synthetic, package-private interface; it is no port. */
    @ArchTest
    static final ArchRule portInterfacesArePublic = classes()
            .that()
            .resideInAnyPackage(PORTS_IN, PORTS_OUT)
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .bePublic()
            .because("ports are the hexagon's contract with the adapters, which live in other packages");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    /**
     * "Exactly one": every public configuration of the adapter must be this class (so at most one), and
     * failOnEmptyShould fails the rule if there is none.
     */
    @ArchTest
    static final ArchRule theWebAdapterExposesOnlyWebConfiguration = classes()
            .that()
            .resideInAPackage(WEB)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(WebConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    @ArchTest
    static final ArchRule thePersistenceAdapterExposesOnlyPersistenceConfiguration = classes()
            .that()
            .resideInAPackage(PERSISTENCE)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(PersistenceConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    @ArchTest
    static final ArchRule theRedisAdapterExposesOnlyRedisConfiguration = classes()
            .that()
            .resideInAPackage(REDIS)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(RedisConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    @ArchTest
    static final ArchRule theMemoryAdapterExposesOnlyMemoryConfiguration = classes()
            .that()
            .resideInAPackage(MEMORY)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(MemoryConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    @ArchTest
    static final ArchRule theMailAdapterExposesOnlyMailConfiguration = classes()
            .that()
            .resideInAPackage(MAIL)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(MailConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    // issue 14: passkey
    @ArchTest
    static final ArchRule theWebAuthnAdapterExposesOnlyWebAuthnConfiguration = classes()
            .that()
            .resideInAPackage(Packages.WEBAUTHN)
            .and()
            .areMetaAnnotatedWith(Configuration.class)
            .and()
            .arePublic()
            .should()
            .haveFullyQualifiedName(dev.vestibule.adapters.webauthn.WebAuthnConfiguration.class.getName())
            .because(
                    "bootstrap imports one public configuration per adapter; the rest of the adapter stays package-private");

    /** Bootstrap chooses and wires; the adapters it chooses from hold the code. */
    @ArchTest
    static final ArchRule bootstrapImplementsNoDrivenPort = noClasses()
            .that()
            .resideInAPackage(Packages.BOOTSTRAP)
            .and()
            .haveSimpleNameNotStartingWith("Metered")
            .should()
            .implement(JavaClass.Predicates.resideInAPackage(PORTS_OUT))
            .because("an implementation of a driven port is an adapter; bootstrap only decorates them with metrics");

    /** Meta-annotations count: a home-made {@code @UseCase} carrying {@code @Component} is still Spring. */
    @ArchTest
    static final ArchRule coreClassesCarryNoSpringAnnotation = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .beMetaAnnotatedWith(SPRING_ANNOTATION)
            .because(
                    "use cases are built with new in bootstrap; a scanned stereotype can silently never become a bean");

    @ArchTest
    static final ArchRule coreMembersCarryNoSpringAnnotation = noMembers()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .beMetaAnnotatedWith(SPRING_ANNOTATION)
            .because("use cases get what they need through their constructors, from bootstrap");

    @ArchTest
    static final ArchRule coreDoesNotReadTheWallClock = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .callMethodWhere(AMBIENT_TIME_CALL)
            .because("time is passed in as an Instant or an injected Clock, so that tests control it");
}
