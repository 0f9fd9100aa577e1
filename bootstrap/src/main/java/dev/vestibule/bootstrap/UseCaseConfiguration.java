package dev.vestibule.bootstrap;

import dev.vestibule.adapters.crypto.hashing.Argon2Parameters;
import dev.vestibule.adapters.crypto.password.CommonPasswordList;
import dev.vestibule.adapters.crypto.hashing.Argon2PasswordHasher;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.security.SessionPolicy;
import dev.vestibule.application.currentuser.LoadCurrentUserService;
import dev.vestibule.bootstrap.metrics.MeteredPasswordHasher;
import dev.vestibule.bootstrap.metrics.MeteredSecurityEventLog;
import dev.vestibule.application.throttling.MarkBrowserKnownService;
import dev.vestibule.application.event.RecordSecurityEventService;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.event.ViewAccountActivityService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.login.LogInService;
import dev.vestibule.application.registration.RegisterUserService;
import dev.vestibule.application.rememberme.ForgetRememberedBrowserService;
import dev.vestibule.application.rememberme.RecognizeRememberedBrowserService;
import dev.vestibule.application.rememberme.RememberBrowserService;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.LogIn;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import dev.vestibule.domain.port.in.RememberBrowser;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.PasswordHasher;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Builds the use cases with plain constructors (they know nothing of Spring) and exposes them as their ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    /** Reactor's own default for bounded-elastic workers: an idle hashing thread ends after a minute. */
    private static final int BOUNDED_ELASTIC_IDLE_SECONDS = 60;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /**
     * Hashing gets its own small pool, never the event loop: as many threads as cores (more would only
     * queue inside the CPU) and a bounded queue, beyond which a login fails fast instead of piling up.
     * Reactor bounds the queue per thread: {@code queueSize} waiting hashes per thread, each waiting at
     * most about {@code queueSize} hash times.
     * <p>
     * The hashing threads run at the lowest priority so that, on the same cores, page views (event loops,
     * normal priority) go first and a login storm takes only the CPU they leave. Linux applies Java thread
     * priorities only with {@code -XX:ThreadPriorityPolicy=1}, and {@code -XX:JavaPriority1_To_OSPriority=10}
     * makes the lowest priority nice 10 instead of 4 (the image, the local cluster and the benchmark set both;
     * lowering a priority needs no privilege); without them the priority is a harmless no-op.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler passwordHashingScheduler(VestibuleProperties properties) {
        VestibuleProperties.Hashing hashing = properties.hashing();
        return Schedulers.newBoundedElastic(hashing.effectiveThreads(), hashing.queueSize(),
                new LowPriorityThreadFactory("password-hashing"), BOUNDED_ELASTIC_IDLE_SECONDS);
    }

    @Bean
    PasswordHasher passwordHasher(VestibuleProperties properties, MeterRegistry meterRegistry) {
        VestibuleProperties.Hashing hashing = properties.hashing();
        return new MeteredPasswordHasher(new Argon2PasswordHasher(new Argon2Parameters(
                hashing.argon2MemoryKib(), hashing.argon2Iterations(), hashing.argon2Parallelism()),
                hashing.effectiveThreads()), meterRegistry);
    }

    @Bean
    OffloadedPasswordHasher offloadedPasswordHasher(PasswordHasher passwordHasher, Scheduler passwordHashingScheduler,
                                                    VestibuleProperties properties) {
        return new OffloadedPasswordHasher(passwordHasher, passwordHashingScheduler, properties.hashing().maxQueueWait());
    }

    @Bean
    PasswordPolicy passwordPolicy(VestibuleProperties properties) {
        return new PasswordPolicy(properties.password().minLength(), properties.password().maxLength(),
                CommonPasswordList.load());
    }

    @Bean
    RememberMeSettings rememberMeSettings(VestibuleProperties properties) {
        return new RememberMeSettings(properties.rememberMe().lifetime(), properties.rememberMe().rotationGracePeriod());
    }

    @Bean
    SessionPolicy sessionPolicy(VestibuleProperties properties) {
        return new SessionPolicy(properties.session().absoluteTimeout(), properties.throttling().knownBrowserLifetime());
    }

    @Bean
    RememberMeCookie rememberMeCookie(RememberMeSettings settings) {
        return new RememberMeCookie(settings.lifetime());
    }

    /** Every recorded event also moves the login and sign-up counters (vestibule_logins_total, ...). */
    @Bean
    SecurityEvents securityEvents(SecurityEventLog log, Clock clock, MeterRegistry meterRegistry) {
        return new SecurityEvents(new MeteredSecurityEventLog(log, meterRegistry), clock);
    }

    @Bean
    RegisterUser registerUser(UserRepository users, OffloadedPasswordHasher hasher, PasswordPolicy policy, Clock clock,
                              AttemptLimiter limiter, VestibuleProperties properties, SecurityEvents events) {
        return new RegisterUserService(users, hasher, policy, clock, limiter,
                properties.throttling().policy().registrationsPerClientAddress(), events);
    }

    @Bean
    LogIn logIn(UserRepository users, OffloadedPasswordHasher hasher, AttemptLimiter limiter,
                              KnownBrowserRepository knownBrowsers, VestibuleProperties properties, Clock clock,
                              SecurityEvents events) {
        var throttle = new LoginThrottle(limiter, knownBrowsers, properties.throttling().policy(), clock);
        return new LogInService(users, hasher, throttle, events);
    }

    @Bean
    MarkBrowserKnown markBrowserKnown(KnownBrowserRepository knownBrowsers, VestibuleProperties properties, Clock clock,
                            SecureRandom random) {
        return new MarkBrowserKnownService(knownBrowsers, properties.throttling().knownBrowserLifetime(), clock, random);
    }

    @Bean
    RecordSecurityEvent recordSecurityEvent(SecurityEvents events) {
        return new RecordSecurityEventService(events);
    }

    @Bean
    ViewAccountActivity viewAccountActivity(SecurityEventLog log) {
        return new ViewAccountActivityService(log);
    }

    @Bean
    LoadCurrentUser loadCurrentUser(UserRepository users) {
        return new LoadCurrentUserService(users);
    }

    @Bean
    RememberBrowser rememberBrowser(RememberedBrowserRepository devices, RememberMeSettings settings,
                                  Clock clock, SecureRandom random) {
        return new RememberBrowserService(devices, settings, clock, random);
    }

    @Bean
    RecognizeRememberedBrowser recognizeRememberedBrowser(RememberedBrowserRepository devices, UserRepository users,
                                    RememberMeSettings settings, Clock clock, SecureRandom random, SecurityEvents events) {
        return new RecognizeRememberedBrowserService(devices, users, settings, clock, random, events);
    }

    @Bean
    ForgetRememberedBrowser forgetRememberedBrowser(RememberedBrowserRepository devices) {
        return new ForgetRememberedBrowserService(devices);
    }
}
