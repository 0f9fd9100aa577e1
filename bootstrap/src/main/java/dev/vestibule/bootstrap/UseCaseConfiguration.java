package dev.vestibule.bootstrap;

import dev.vestibule.adapters.crypto.breachcheck.RangeApiBreachedPasswords;
import dev.vestibule.adapters.crypto.hashing.Argon2Parameters;
import dev.vestibule.adapters.crypto.hashing.Argon2PasswordHasher;
import dev.vestibule.adapters.crypto.password.CommonPasswordList;
import dev.vestibule.adapters.web.edge.ConnectionLimits;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.security.SessionPolicy;
import dev.vestibule.adapters.web.wellknown.SecurityTxt;
import dev.vestibule.application.UseCases;
import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.bootstrap.metrics.MeteredPasswordHasher;
import dev.vestibule.bootstrap.metrics.MeteredSecurityEventLog;
import dev.vestibule.domain.model.linktoken.LinkLifetimes;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.port.in.ChangePassword;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.ConfirmEmail;
import dev.vestibule.domain.port.in.DeleteAccount;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.LogIn;
import dev.vestibule.domain.port.in.LogOutEverywhereElse;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.in.OpenEmailConfirmationLink;
import dev.vestibule.domain.port.in.OpenPasswordResetLink;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RememberBrowser;
import dev.vestibule.domain.port.in.RequestEmailChange;
import dev.vestibule.domain.port.in.RequestPasswordReset;
import dev.vestibule.domain.port.in.ResetPassword;
import dev.vestibule.domain.port.in.RevokeSignIn;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import dev.vestibule.domain.port.in.ViewSignIns;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.PasswordHasher;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.SignedInSessions;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Chooses what the use cases run on (the hasher and its threads, the policies, the metered event log), has the
 * application's {@link UseCases} build them (they know nothing of Spring) and exposes each as its port.
 */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UseCaseConfiguration.class);

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
        return Schedulers.newBoundedElastic(
                hashing.effectiveThreads(),
                hashing.queueSize(),
                new LowPriorityThreadFactory("password-hashing"),
                BOUNDED_ELASTIC_IDLE_SECONDS);
    }

    @Bean
    PasswordHasher passwordHasher(VestibuleProperties properties, MeterRegistry meterRegistry) {
        VestibuleProperties.Hashing hashing = properties.hashing();
        return new MeteredPasswordHasher(
                new Argon2PasswordHasher(
                        new Argon2Parameters(
                                hashing.argon2MemoryKib(), hashing.argon2Iterations(), hashing.argon2Parallelism()),
                        hashing.effectiveThreads()),
                meterRegistry);
    }

    @Bean
    OffloadedPasswordHasher offloadedPasswordHasher(
            PasswordHasher passwordHasher, Scheduler passwordHashingScheduler, VestibuleProperties properties) {
        return new OffloadedPasswordHasher(
                passwordHasher, passwordHashingScheduler, properties.hashing().maxQueueWait());
    }

    // issue 14: password policy (vestibule.password.minimum-length, .minimum-length-with-second-factor)
    @Bean
    PasswordPolicy passwordPolicy(VestibuleProperties properties) {
        VestibuleProperties.Password password = properties.password();
        if (password.minimumLength() == null && password.minLength() != null) {
            log.warn(
                    "vestibule.password.min-length is now vestibule.password.minimum-length; using {} until renamed",
                    password.minLength());
        }
        PasswordPolicy policy;
        try {
            policy = new PasswordPolicy(
                    password.effectiveMinimumLength(),
                    password.minimumLengthWithSecondFactor(),
                    password.maxLength(),
                    CommonPasswordList.load());
        } catch (IllegalArgumentException refused) {
            throw new IllegalStateException(
                    "vestibule.password.minimum-length, .minimum-length-with-second-factor, .max-length: "
                            + refused.getMessage(),
                    refused);
        }
        if (policy.minimumLength() < PasswordPolicy.DEFAULT_MINIMUM_LENGTH) {
            log.warn(
                    "New passwords on their own may be {} characters: NIST SP 800-63B rev. 4 requires {} for a password"
                            + " that signs in without a second factor (vestibule.password.minimum-length)",
                    policy.minimumLength(),
                    PasswordPolicy.DEFAULT_MINIMUM_LENGTH);
        }
        return policy;
    }

    @Bean
    RememberMeSettings rememberMeSettings(VestibuleProperties properties) {
        return new RememberMeSettings(
                properties.rememberMe().lifetime(),
                properties.rememberMe().rotationGracePeriod(),
                // issue 13 finding 1: the grace is for a few uses by the browser that rotated
                properties.rememberMe().rotationGraceUses());
    }

    @Bean
    SessionPolicy sessionPolicy(VestibuleProperties properties) {
        return new SessionPolicy(
                properties.session().absoluteTimeout(), properties.throttling().knownBrowserLifetime());
    }

    // abuse resistance: what /.well-known/security.txt says (vestibule.security-contact)
    @Bean
    SecurityTxt securityTxt(VestibuleProperties properties) {
        return SecurityTxt.of(properties.securityContact(), properties.publicUrl());
    }

    // issue 13 finding 8: breached passwords (vestibule.password.breach-check.*)
    @Bean
    BreachCheck breachCheck(VestibuleProperties properties) {
        VestibuleProperties.BreachCheck settings = properties.password().breachCheck();
        if (!settings.enabled()) {
            return BreachCheck.off();
        }
        log.info(
                "New passwords are checked against {} (timeout {}, when it does not answer: {})",
                settings.baseUrl(),
                settings.timeout(),
                settings.whenUnavailable().name().toLowerCase(java.util.Locale.ROOT));
        return new BreachCheck(
                RangeApiBreachedPasswords.of(settings.baseUrl(), settings.timeout(), settings.userAgent()),
                settings.whenUnavailable());
    }

    // issue 13 finding 6: slow clients (vestibule.connections.*)
    @Bean
    ConnectionLimits connectionLimits(VestibuleProperties properties) {
        return new ConnectionLimits(
                properties.connections().requestHeadTimeout(),
                properties.connections().requestBodyTimeout());
    }

    @Bean
    RememberMeCookie rememberMeCookie(RememberMeSettings settings) {
        return new RememberMeCookie(settings.lifetime());
    }

    /**
     * Every use case, built once by the application's own factory. Every recorded event also moves the login and
     * sign-up counters (vestibule_logins_total, ...): the log the use cases get is the metered one.
     */
    @Bean
    UseCases useCases(
            UserRepository users,
            RememberedBrowserRepository rememberedBrowsers,
            KnownBrowserRepository knownBrowsers,
            SecurityEventLog log,
            AttemptLimiter limiter,
            SignedInSessions signedInSessions,
            LinkTokens linkTokens,
            MailOutbox mailOutbox,
            Transactions transactions,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            RememberMeSettings rememberMe,
            VestibuleProperties properties,
            Clock clock,
            SecureRandom random,
            MeterRegistry meterRegistry,
            BreachCheck breachCheck,
            // second factors: every adapter's store of them (authenticator app and recovery codes; passkeys)
            ObjectProvider<SecondFactorEnrolments> secondFactorEnrolments) {
        return new UseCases(
                new UseCases.OutPorts(
                        users,
                        rememberedBrowsers,
                        knownBrowsers,
                        new MeteredSecurityEventLog(log, meterRegistry),
                        limiter,
                        linkTokens,
                        mailOutbox,
                        transactions,
                        signedInSessions,
                        secondFactorEnrolments.orderedStream().toList()),
                hasher,
                new UseCases.Settings(
                        passwordPolicy,
                        properties.throttling().policy(),
                        rememberMe,
                        properties.throttling().knownBrowserLifetime(),
                        properties.retention().securityEvents(),
                        new LinkLifetimes(
                                properties.passwordReset().linkLifetime(),
                                properties.emailConfirmation().linkLifetime()),
                        new ReauthenticationWindow(properties.account().reauthenticationWindow()),
                        properties.publicUrl(),
                        // issue 13 findings 3 and 4
                        properties.throttling().throttledBurstPeriod(),
                        properties.throttling().loginSurge()),
                clock,
                random,
                breachCheck);
    }

    @Bean
    LoadSecondFactors loadSecondFactors(UseCases useCases) {
        return useCases.loadSecondFactors();
    }

    @Bean
    RegisterUser registerUser(UseCases useCases) {
        return useCases.registerUser();
    }

    @Bean
    LogIn logIn(UseCases useCases) {
        return useCases.logIn();
    }

    @Bean
    MarkBrowserKnown markBrowserKnown(UseCases useCases) {
        return useCases.markBrowserKnown();
    }

    @Bean
    RecordSecurityEvent recordSecurityEvent(UseCases useCases) {
        return useCases.recordSecurityEvent();
    }

    @Bean
    ViewAccountActivity viewAccountActivity(UseCases useCases) {
        return useCases.viewAccountActivity();
    }

    @Bean
    LoadCurrentUser loadCurrentUser(UseCases useCases) {
        return useCases.loadCurrentUser();
    }

    @Bean
    RememberBrowser rememberBrowser(UseCases useCases) {
        return useCases.rememberBrowser();
    }

    @Bean
    RecognizeRememberedBrowser recognizeRememberedBrowser(UseCases useCases) {
        return useCases.recognizeRememberedBrowser();
    }

    @Bean
    ForgetRememberedBrowser forgetRememberedBrowser(UseCases useCases) {
        return useCases.forgetRememberedBrowser();
    }

    // account.sessions: containment and session control

    @Bean
    ChangePassword changePassword(UseCases useCases) {
        return useCases.changePassword();
    }

    @Bean
    ViewSignIns viewSignIns(UseCases useCases) {
        return useCases.viewSignIns();
    }

    @Bean
    RevokeSignIn revokeSignIn(UseCases useCases) {
        return useCases.revokeSignIn();
    }

    @Bean
    LogOutEverywhereElse logOutEverywhereElse(UseCases useCases) {
        return useCases.logOutEverywhereElse();
    }

    // Password reset.
    @Bean
    RequestPasswordReset requestPasswordReset(UseCases useCases) {
        return useCases.requestPasswordReset();
    }

    @Bean
    OpenPasswordResetLink openPasswordResetLink(UseCases useCases) {
        return useCases.openPasswordResetLink();
    }

    @Bean
    ResetPassword resetPassword(UseCases useCases) {
        return useCases.resetPassword();
    }

    // re-authentication, account deletion, email change

    @Bean
    ConfirmCurrentPassword confirmCurrentPassword(UseCases useCases) {
        return useCases.confirmCurrentPassword();
    }

    @Bean
    DeleteAccount deleteAccount(UseCases useCases) {
        return useCases.deleteAccount();
    }

    @Bean
    RequestEmailChange requestEmailChange(UseCases useCases) {
        return useCases.requestEmailChange();
    }

    @Bean
    OpenEmailConfirmationLink openEmailConfirmationLink(UseCases useCases) {
        return useCases.openEmailConfirmationLink();
    }

    @Bean
    ConfirmEmail confirmEmail(UseCases useCases) {
        return useCases.confirmEmail();
    }
}
