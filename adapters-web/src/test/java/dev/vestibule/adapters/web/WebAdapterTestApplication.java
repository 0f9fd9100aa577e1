package dev.vestibule.adapters.web;

import dev.vestibule.adapters.web.security.SessionPolicy;
import dev.vestibule.application.device.TrustDeviceService;
import dev.vestibule.application.events.RecordSecurityEventService;
import dev.vestibule.application.events.SecurityEvents;
import dev.vestibule.application.events.ViewAccountActivityService;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownDeviceRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.throttle.LoginThrottle;
import dev.vestibule.domain.model.throttle.AttemptLimit;
import dev.vestibule.domain.model.throttle.ThrottlePolicy;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import dev.vestibule.domain.port.in.TrustDevice;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import dev.vestibule.adapters.web.hashing.Argon2Parameters;
import dev.vestibule.adapters.web.hashing.SpringSecurityPasswordHasher;
import dev.vestibule.adapters.web.security.RememberMeCookie;
import dev.vestibule.application.currentuser.LoadCurrentUserService;
import dev.vestibule.application.fakes.InMemoryRememberedDeviceRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.login.LogInService;
import dev.vestibule.application.registration.RegisterUserService;
import dev.vestibule.application.rememberme.ForgetDeviceService;
import dev.vestibule.application.rememberme.RecognizeDeviceService;
import dev.vestibule.application.rememberme.RememberDeviceService;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.port.in.ForgetDevice;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.LoginService;
import dev.vestibule.domain.port.in.RecognizeDevice;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RememberDevice;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import reactor.core.scheduler.Schedulers;

/**
 * What bootstrap supplies in production, for the web slice tests: the real use cases over the
 * application module's in-memory stores, the real Argon2 hasher (at a cheap cost) and a clock the tests
 * move. {@code @WebFluxTest} finds this class by searching up from each test's package.
 *
 * <p>{@link WebConfiguration}'s component scan covers this package, so it sees this class too; that is
 * harmless (the same class is registered once), but it is why no test in this module declares a
 * {@code @Configuration} of its own: every one would leak into every other test's context.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import(WebConfiguration.class)
public class WebAdapterTestApplication {

    /** The remember-me lifetime the tests expect on the cookie. */
    public static final Duration REMEMBER_ME_LIFETIME = Duration.ofDays(14);
    /** How long a just-replaced remember-me secret still counts (parallel tabs). */
    public static final Duration ROTATION_GRACE_PERIOD = Duration.ofSeconds(30);
    public static final List<String> COMMON_PASSWORDS = List.of("password1", "qwerty123", "letmein123");

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    InMemoryUserRepository userRepository() {
        return new InMemoryUserRepository();
    }

    @Bean
    InMemoryRememberedDeviceRepository rememberedDeviceRepository() {
        return new InMemoryRememberedDeviceRepository();
    }

    /** The production hasher; memory and passes turned down, since these tests are not about its cost. */
    @Bean
    OffloadedPasswordHasher offloadedPasswordHasher() {
        return new OffloadedPasswordHasher(new SpringSecurityPasswordHasher(new Argon2Parameters(1024, 1, 1)),
                Schedulers.boundedElastic());
    }

    @Bean
    RememberMeSettings rememberMeSettings() {
        return new RememberMeSettings(REMEMBER_ME_LIFETIME, ROTATION_GRACE_PERIOD);
    }

    @Bean
    RememberMeCookie rememberMeCookie(RememberMeSettings settings) {
        return new RememberMeCookie(settings.lifetime());
    }

    /**
     * Per account and per device as in production; per client address and for sign-ups so generous that the
     * many tests sharing this context (all from one "address") never meet them.
     */
    @Bean
    ThrottlePolicy throttlePolicy() {
        return new ThrottlePolicy(ThrottlePolicy.DEFAULT.perAccount(), ThrottlePolicy.DEFAULT.perKnownDevice(),
                new AttemptLimit("client", 100_000, Duration.ofMillis(1)),
                new AttemptLimit("registration", 100_000, Duration.ofMillis(1)));
    }

    @Bean
    InMemoryAttemptLimiter attemptLimiter(MutableClock clock) {
        return new InMemoryAttemptLimiter(clock);
    }

    @Bean
    InMemoryKnownDeviceRepository knownDeviceRepository() {
        return new InMemoryKnownDeviceRepository();
    }

    @Bean
    InMemorySecurityEventLog securityEventLog() {
        return new InMemorySecurityEventLog();
    }

    @Bean
    SecurityEvents securityEvents(InMemorySecurityEventLog log, MutableClock clock) {
        return new SecurityEvents(log, clock);
    }

    @Bean
    SessionPolicy sessionPolicy() {
        return new SessionPolicy(Duration.ofHours(12), Duration.ofDays(365));
    }

    @Bean
    RegisterUser registerUser(InMemoryUserRepository users, OffloadedPasswordHasher hasher, MutableClock clock,
                              InMemoryAttemptLimiter limiter, ThrottlePolicy throttlePolicy, SecurityEvents events) {
        return new RegisterUserService(users, hasher,
                new PasswordPolicy(PasswordPolicy.DEFAULT_MINIMUM_LENGTH, PasswordPolicy.DEFAULT_MAXIMUM_LENGTH,
                        CommonPasswords.of(COMMON_PASSWORDS)),
                clock, limiter, throttlePolicy.registrationsPerClientAddress(), events);
    }

    @Bean
    LoginService loginService(InMemoryUserRepository users, OffloadedPasswordHasher hasher, InMemoryAttemptLimiter limiter,
                              InMemoryKnownDeviceRepository knownDevices, ThrottlePolicy throttlePolicy, MutableClock clock,
                              SecurityEvents events) {
        return new LogInService(users, hasher, new LoginThrottle(limiter, knownDevices, throttlePolicy, clock), events);
    }

    @Bean
    TrustDevice trustDevice(InMemoryKnownDeviceRepository knownDevices, MutableClock clock, SecureRandom random) {
        return new TrustDeviceService(knownDevices, Duration.ofDays(365), clock, random);
    }

    @Bean
    RecordSecurityEvent recordSecurityEvent(SecurityEvents events) {
        return new RecordSecurityEventService(events);
    }

    @Bean
    ViewAccountActivity viewAccountActivity(InMemorySecurityEventLog log) {
        return new ViewAccountActivityService(log);
    }

    @Bean
    LoadCurrentUser loadCurrentUser(InMemoryUserRepository users) {
        return new LoadCurrentUserService(users);
    }

    @Bean
    RememberDevice rememberDevice(InMemoryRememberedDeviceRepository devices, RememberMeSettings settings,
                                  MutableClock clock, SecureRandom random) {
        return new RememberDeviceService(devices, settings, clock, random);
    }

    @Bean
    RecognizeDevice recognizeDevice(InMemoryRememberedDeviceRepository devices, InMemoryUserRepository users,
                                    RememberMeSettings settings, MutableClock clock, SecureRandom random,
                                    SecurityEvents events) {
        return new RecognizeDeviceService(devices, users, settings, clock, random, events);
    }

    @Bean
    ForgetDevice forgetDevice(InMemoryRememberedDeviceRepository devices) {
        return new ForgetDeviceService(devices);
    }
}
