package dev.vestibule.adapters.web;

import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.security.SessionPolicy;
import dev.vestibule.adapters.web.wellknown.SecurityTxt;
import dev.vestibule.application.UseCases;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.domain.model.linktoken.LinkLifetimes;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
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
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.session.WebSessionManager;
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
    // issue 13 finding 1: how often, for the browser that rotated
    /** How many uses of a just-replaced remember-me secret its own browser gets. */
    public static final int ROTATION_GRACE_USES = 3;

    /** Where the links in mails lead (vestibule.public-url). */
    public static final String PUBLIC_URL = "https://vestibule.test";

    public static final List<String> COMMON_PASSWORDS =
            List.of("password1", "qwerty123", "letmein123", "password123456789");

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
    InMemoryRememberedBrowserRepository rememberedBrowserRepository() {
        return new InMemoryRememberedBrowserRepository();
    }

    /** A transparent stand-in for Argon2 (adapters-crypto): these tests are about pages, not about hashing. */
    @Bean
    OffloadedPasswordHasher offloadedPasswordHasher() {
        return new OffloadedPasswordHasher(new FakePasswordHasher(), Schedulers.boundedElastic());
    }

    @Bean
    RememberMeSettings rememberMeSettings() {
        return new RememberMeSettings(REMEMBER_ME_LIFETIME, ROTATION_GRACE_PERIOD, ROTATION_GRACE_USES);
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
        return new ThrottlePolicy(
                ThrottlePolicy.DEFAULT.perAccount(),
                ThrottlePolicy.DEFAULT.perKnownBrowser(),
                new AttemptLimit("client", 100_000, Duration.ofMillis(1)),
                new AttemptLimit("registration", 100_000, Duration.ofMillis(1)),
                // Password reset: per account as in production, per client address as generous as above.
                ThrottlePolicy.DEFAULT_PASSWORD_RESETS_PER_ACCOUNT,
                new AttemptLimit("password-reset-client", 100_000, Duration.ofMillis(1)));
    }

    @Bean
    InMemoryAttemptLimiter attemptLimiter(MutableClock clock) {
        return new InMemoryAttemptLimiter(clock);
    }

    @Bean
    InMemoryKnownBrowserRepository knownBrowserRepository() {
        return new InMemoryKnownBrowserRepository();
    }

    @Bean
    InMemorySecurityEventLog securityEventLog() {
        return new InMemorySecurityEventLog();
    }

    // abuse resistance: the contact /.well-known/security.txt names
    public static final String SECURITY_CONTACT = "security@vestibule.test";

    @Bean
    SecurityTxt securityTxt() {
        return SecurityTxt.of(SECURITY_CONTACT, PUBLIC_URL);
    }

    @Bean
    SessionPolicy sessionPolicy() {
        return new SessionPolicy(Duration.ofHours(12), Duration.ofDays(365));
    }

    // Link tokens, and the outbox and transactions that mail them (password reset, email confirmation).
    @Bean
    InMemoryLinkTokens linkTokens() {
        return new InMemoryLinkTokens();
    }

    @Bean
    InMemoryMailOutbox mailOutbox() {
        return new InMemoryMailOutbox();
    }

    @Bean
    InMemoryTransactions transactions(InMemoryLinkTokens linkTokens, InMemoryMailOutbox mailOutbox) {
        return new InMemoryTransactions(linkTokens, mailOutbox);
    }

    /** The production wiring ({@link UseCases}) over the in-memory stores. */
    @Bean
    UseCases useCases(
            InMemoryUserRepository users,
            InMemoryRememberedBrowserRepository rememberedBrowsers,
            InMemoryKnownBrowserRepository knownBrowsers,
            InMemorySecurityEventLog log,
            InMemoryAttemptLimiter limiter,
            InMemoryLinkTokens linkTokens,
            InMemoryMailOutbox mailOutbox,
            InMemoryTransactions transactions,
            OffloadedPasswordHasher hasher,
            ThrottlePolicy throttlePolicy,
            RememberMeSettings rememberMeSettings,
            MutableClock clock,
            SecureRandom random,
            // account.sessions: the registry reads this slice's session store
            ObjectProvider<WebSessionManager> sessionManager,
            // second factors: whatever stores of them this slice has
            ObjectProvider<SecondFactorEnrolments> secondFactorEnrolments) {
        return new UseCases(
                new UseCases.OutPorts(
                        users,
                        rememberedBrowsers,
                        knownBrowsers,
                        log,
                        limiter,
                        linkTokens,
                        mailOutbox,
                        transactions,
                        // account.sessions: the registry over this slice's session store
                        new WebSessionStoreSignedInSessions(sessionManager),
                        secondFactorEnrolments.orderedStream().toList()),
                hasher,
                new UseCases.Settings(
                        PASSWORD_POLICY,
                        throttlePolicy,
                        rememberMeSettings,
                        Duration.ofDays(365),
                        Duration.ofDays(400),
                        LinkLifetimes.DEFAULT,
                        ReauthenticationWindow.ofDefaultLength(),
                        PUBLIC_URL),
                clock,
                random);
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
    LoadSecondFactors loadSecondFactors(UseCases useCases) {
        return useCases.loadSecondFactors();
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

    // issue 13 finding 2 and 6: anonymous visitors cost no session, CSRF token signed with a server key
    /** The key production takes from vestibule.cookie-signing.key. */
    public static final String COOKIE_SIGNING_KEY = "web-adapter-tests-cookie-signing-key-0123456789";

    @Bean
    dev.vestibule.adapters.web.session.CookieSigner cookieSigner() {
        return dev.vestibule.adapters.web.session.CookieSigner.withKeys(COOKIE_SIGNING_KEY, List.of());
    }

    // issue 14: twofactor. The real use cases over the application's fakes; the passkey count stays 0 here.
    @Bean
    dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository authenticatorAppRepository() {
        return new dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository();
    }

    @Bean
    dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository recoveryCodeRepository() {
        return new dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository();
    }

    @Bean
    dev.vestibule.application.twofactor.AuthenticatorAppService authenticatorAppService(
            InMemoryUserRepository users,
            dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository apps,
            dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository recoveryCodes,
            ConfirmCurrentPassword confirmCurrentPassword,
            InMemoryTransactions transactions,
            InMemoryMailOutbox outbox,
            InMemorySecurityEventLog log,
            MutableClock clock,
            SecureRandom random) {
        return new dev.vestibule.application.twofactor.AuthenticatorAppService(
                users,
                apps,
                recoveryCodes,
                new dev.vestibule.application.fakes.FakeSecretCipher(),
                confirmCurrentPassword,
                transactions,
                outbox,
                new dev.vestibule.application.event.SecurityEvents(log, clock),
                clock,
                random);
    }

    @Bean
    dev.vestibule.domain.port.in.PassSecondStep passSecondStep(
            InMemoryUserRepository users,
            dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository apps,
            dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository recoveryCodes,
            InMemoryAttemptLimiter limiter,
            InMemoryTransactions transactions,
            InMemoryMailOutbox outbox,
            InMemorySecurityEventLog log,
            MutableClock clock) {
        return new dev.vestibule.application.twofactor.PassSecondStepService(
                users,
                apps,
                recoveryCodes,
                new dev.vestibule.application.fakes.FakeSecretCipher(),
                limiter,
                dev.vestibule.domain.model.twofactor.SecondStepThrottle.DEFAULT,
                transactions,
                outbox,
                new dev.vestibule.application.event.SecurityEvents(log, clock),
                clock);
    }

    @Bean
    SecondFactorEnrolments authenticatorAppEnrolments(
            dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository apps,
            dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository recoveryCodes) {
        return new dev.vestibule.application.twofactor.AuthenticatorAppEnrolments(apps, recoveryCodes);
    }

    // issue 14: passkey
    @Bean
    dev.vestibule.application.fakes.InMemoryPasskeyRepository passkeyRepository() {
        return new dev.vestibule.application.fakes.InMemoryPasskeyRepository();
    }

    @Bean
    dev.vestibule.application.fakes.InMemoryPasskeyChallenges passkeyChallenges() {
        return new dev.vestibule.application.fakes.InMemoryPasskeyChallenges();
    }

    @Bean
    dev.vestibule.application.passkey.PasskeySettings passkeySettings() {
        return new dev.vestibule.application.passkey.PasskeySettings(
                dev.vestibule.domain.model.passkey.RelyingParty.forPublicUrl(PUBLIC_URL, "Vestibule"));
    }

    @Bean
    SecondFactorEnrolments passkeyEnrolments(dev.vestibule.application.fakes.InMemoryPasskeyRepository passkeys) {
        return new dev.vestibule.application.passkey.PasskeyEnrolments(passkeys);
    }

    @Bean
    dev.vestibule.application.passkey.PasskeyRegistrationService passkeyRegistration(
            dev.vestibule.domain.port.in.ConfirmCurrentPassword confirmCurrentPassword,
            InMemoryUserRepository users,
            dev.vestibule.application.fakes.InMemoryPasskeyRepository passkeys,
            dev.vestibule.application.fakes.InMemoryPasskeyChallenges challenges,
            InMemoryMailOutbox outbox,
            InMemoryTransactions transactions,
            InMemorySecurityEventLog log,
            dev.vestibule.application.passkey.PasskeySettings settings,
            MutableClock clock,
            SecureRandom random) {
        return new dev.vestibule.application.passkey.PasskeyRegistrationService(
                confirmCurrentPassword,
                users,
                passkeys,
                challenges,
                new dev.vestibule.application.fakes.FakePasskeyVerifier(),
                outbox,
                transactions,
                new dev.vestibule.application.event.SecurityEvents(log, clock),
                settings,
                clock,
                random);
    }

    @Bean
    dev.vestibule.application.passkey.PasskeyManagementService passkeyManagement(
            InMemoryUserRepository users,
            dev.vestibule.application.fakes.InMemoryPasskeyRepository passkeys,
            InMemoryMailOutbox outbox,
            InMemoryTransactions transactions,
            InMemorySecurityEventLog log,
            MutableClock clock,
            ConfirmCurrentPassword confirmCurrentPassword) {
        return new dev.vestibule.application.passkey.PasskeyManagementService(
                passkeys,
                confirmCurrentPassword,
                users,
                outbox,
                transactions,
                new dev.vestibule.application.event.SecurityEvents(log, clock),
                clock);
    }

    @Bean
    dev.vestibule.application.passkey.PasskeySignInService passkeySignIn(
            InMemoryUserRepository users,
            dev.vestibule.application.fakes.InMemoryPasskeyRepository passkeys,
            dev.vestibule.application.fakes.InMemoryPasskeyChallenges challenges,
            InMemoryAttemptLimiter limiter,
            ThrottlePolicy throttlePolicy,
            InMemorySecurityEventLog log,
            dev.vestibule.application.passkey.PasskeySettings settings,
            MutableClock clock,
            SecureRandom random) {
        return new dev.vestibule.application.passkey.PasskeySignInService(
                passkeys,
                challenges,
                new dev.vestibule.application.fakes.FakePasskeyVerifier(),
                users,
                limiter,
                throttlePolicy,
                new dev.vestibule.application.event.SecurityEvents(log, clock),
                settings,
                clock,
                random);
    }

    // issue 14: password policy (NIST SP 800-63B rev. 4 defaults: 15 on its own, 8 with a second factor), a store of
    // second factors the tests fill in, the step-up window and the pages listed under it
    /** The production defaults, as bootstrap builds them; the pages name its minimums. */
    public static final PasswordPolicy PASSWORD_POLICY = new PasswordPolicy(
            PasswordPolicy.DEFAULT_MINIMUM_LENGTH,
            PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR,
            PasswordPolicy.DEFAULT_MAXIMUM_LENGTH,
            CommonPasswords.of(COMMON_PASSWORDS));

    @Bean
    PasswordPolicy passwordPolicy() {
        return PASSWORD_POLICY;
    }

    @Bean
    TestSecondFactors testSecondFactors() {
        return new TestSecondFactors();
    }

    /** The step-up window the slice tests expect; the one listed page is a test page of its own (StepUpPageTests). */
    public static final Duration STEP_UP_WINDOW = Duration.ofMinutes(15);

    public static final String STEP_UP_PAGE = "/test/stepped-up";

    @Bean
    dev.vestibule.adapters.web.security.StepUp stepUp() {
        return new dev.vestibule.adapters.web.security.StepUp(STEP_UP_WINDOW, List.of(STEP_UP_PAGE + "/**"));
    }
}
