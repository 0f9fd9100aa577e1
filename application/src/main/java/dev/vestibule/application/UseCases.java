package dev.vestibule.application;

import dev.vestibule.application.account.ChangePasswordService;
import dev.vestibule.application.account.DeleteAccountService;
import dev.vestibule.application.account.RequestEmailChangeService;
import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.currentuser.LoadCurrentUserService;
import dev.vestibule.application.emailconfirmation.ConfirmEmailService;
import dev.vestibule.application.emailconfirmation.EmailConfirmations;
import dev.vestibule.application.emailconfirmation.OpenEmailConfirmationLinkService;
import dev.vestibule.application.event.RecordSecurityEventService;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.event.ViewAccountActivityService;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.login.LogInService;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.application.passwordreset.OpenPasswordResetLinkService;
import dev.vestibule.application.passwordreset.RequestPasswordResetService;
import dev.vestibule.application.passwordreset.ResetPasswordService;
import dev.vestibule.application.reauthentication.ConfirmCurrentPasswordService;
import dev.vestibule.application.registration.RegisterUserService;
import dev.vestibule.application.rememberme.ForgetRememberedBrowserService;
import dev.vestibule.application.rememberme.RecognizeRememberedBrowserService;
import dev.vestibule.application.rememberme.RememberBrowserService;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.application.retention.PurgeExpiredRecordsService;
import dev.vestibule.application.session.Containment;
import dev.vestibule.application.session.LogOutEverywhereElseService;
import dev.vestibule.application.session.RevokeSignInService;
import dev.vestibule.application.session.ViewSignInsService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.application.throttling.MarkBrowserKnownService;
import dev.vestibule.application.twofactor.LoadSecondFactorsService;
import dev.vestibule.domain.model.linktoken.LinkLifetimes;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.LoginSurge;
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
import dev.vestibule.domain.port.in.PurgeExpiredRecords;
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
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.SignedInSessions;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds every use case once, over the out-ports it is given, and hands each out as its in-port: the one
 * wiring that production (bootstrap) and the web slice tests share, so the two cannot drift apart.
 */
public final class UseCases {

    private final LogIn logIn;
    private final RegisterUser registerUser;
    private final RememberBrowser rememberBrowser;
    private final RecognizeRememberedBrowser recognizeRememberedBrowser;
    private final ForgetRememberedBrowser forgetRememberedBrowser;
    private final MarkBrowserKnown markBrowserKnown;
    private final LoadCurrentUser loadCurrentUser;
    private final RecordSecurityEvent recordSecurityEvent;
    private final ViewAccountActivity viewAccountActivity;
    private final PurgeExpiredRecords purgeExpiredRecords;
    // account.sessions: containment and session control
    private final ChangePassword changePassword;
    private final ViewSignIns viewSignIns;
    private final RevokeSignIn revokeSignIn;
    private final LogOutEverywhereElse logOutEverywhereElse;
    // Password reset.
    private final RequestPasswordReset requestPasswordReset;
    private final OpenPasswordResetLink openPasswordResetLink;
    private final ResetPassword resetPassword;
    // re-authentication, account deletion, email change
    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final DeleteAccount deleteAccount;
    private final RequestEmailChange requestEmailChange;
    private final OpenEmailConfirmationLink openEmailConfirmationLink;
    private final ConfirmEmail confirmEmail;
    // second factors
    private final LoadSecondFactors loadSecondFactors;

    public UseCases(
            OutPorts ports, OffloadedPasswordHasher hasher, Settings settings, Clock clock, SecureRandom random) {
        this(ports, hasher, settings, clock, random, BreachCheck.off());
    }

    /**
     * As above, with every new password (sign-up, change, reset) also asked of a breach corpus (issue 13 finding 8:
     * breached passwords).
     */
    public UseCases(
            OutPorts ports,
            OffloadedPasswordHasher hasher,
            Settings settings,
            Clock clock,
            SecureRandom random,
            BreachCheck breachCheck) {
        Objects.requireNonNull(breachCheck, "breachCheck");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        // issue 13 findings 3 and 4: throttled bursts counted per period, the global failed-login rate
        var events = new SecurityEvents(ports.securityEventLog(), clock, settings.throttledBurstPeriod());
        var throttle = new LoginThrottle(
                ports.attemptLimiter(), ports.knownBrowsers(), settings.throttlePolicy(), settings.loginSurge(), clock);

        this.loadSecondFactors = new LoadSecondFactorsService(ports.secondFactorEnrolments());
        this.logIn = new LogInService(ports.users(), hasher, throttle, events, loadSecondFactors);
        // email confirmation: the links that sign-up and an email change mail
        var confirmations = new EmailConfirmations(
                ports.linkTokens(),
                ports.mailOutbox(),
                new PublicLinks(settings.publicUrl()),
                settings.linkLifetimes().emailConfirmation(),
                random);
        this.registerUser = new RegisterUserService(
                ports.users(),
                hasher,
                settings.passwordPolicy(),
                clock,
                ports.attemptLimiter(),
                settings.throttlePolicy().registrationsPerClientAddress(),
                events,
                confirmations,
                ports.transactions(),
                // abuse resistance: sign-ups counted per IPv6 network too
                settings.throttlePolicy().ipv6PrefixLength(),
                breachCheck);
        this.rememberBrowser = new RememberBrowserService(
                ports.rememberedBrowsers(), ports.users(), settings.rememberMe(), clock, random);
        this.recognizeRememberedBrowser = new RecognizeRememberedBrowserService(
                ports.rememberedBrowsers(),
                ports.users(),
                settings.rememberMe(),
                clock,
                random,
                events,
                new RecognizeRememberedBrowserService.TheftResponse(
                        ports.signedInSessions(), ports.transactions(), ports.mailOutbox()));
        this.forgetRememberedBrowser = new ForgetRememberedBrowserService(ports.rememberedBrowsers());
        this.markBrowserKnown =
                new MarkBrowserKnownService(ports.knownBrowsers(), settings.knownBrowserLifetime(), clock, random);
        this.loadCurrentUser = new LoadCurrentUserService(ports.users());
        this.recordSecurityEvent = new RecordSecurityEventService(events);
        this.viewAccountActivity = new ViewAccountActivityService(ports.securityEventLog());
        this.purgeExpiredRecords = new PurgeExpiredRecordsService(
                ports.securityEventLog(),
                ports.knownBrowsers(),
                ports.rememberedBrowsers(),
                ports.linkTokens(),
                settings.securityEventRetention(),
                clock);
        // account.sessions: containment and session control
        var containment = new Containment(ports.rememberedBrowsers(), ports.signedInSessions());
        this.changePassword = new ChangePasswordService(
                ports.users(),
                hasher,
                settings.passwordPolicy(),
                throttle,
                ports.transactions(),
                ports.mailOutbox(),
                containment,
                events,
                clock,
                breachCheck,
                // issue 14: password policy (the shorter minimum for an account with a second factor)
                loadSecondFactors);
        this.viewSignIns =
                new ViewSignInsService(ports.users(), ports.signedInSessions(), ports.rememberedBrowsers(), clock);
        this.revokeSignIn =
                new RevokeSignInService(ports.signedInSessions(), ports.rememberedBrowsers(), containment, events);
        this.logOutEverywhereElse =
                new LogOutEverywhereElseService(ports.users(), ports.transactions(), containment, events);
        // Password reset.
        this.requestPasswordReset = new RequestPasswordResetService(
                ports.users(),
                ports.linkTokens(),
                ports.mailOutbox(),
                ports.transactions(),
                ports.attemptLimiter(),
                settings.throttlePolicy().passwordResetsPerAccount(),
                settings.throttlePolicy().passwordResetsPerClientAddress(),
                new PublicLinks(settings.publicUrl()),
                settings.linkLifetimes().passwordReset(),
                events,
                clock,
                random);
        this.openPasswordResetLink = new OpenPasswordResetLinkService(ports.linkTokens(), ports.users(), clock);
        this.resetPassword = new ResetPasswordService(
                ports.linkTokens(),
                ports.users(),
                ports.rememberedBrowsers(),
                ports.mailOutbox(),
                ports.transactions(),
                hasher,
                settings.passwordPolicy(),
                events,
                clock,
                breachCheck);
        // re-authentication, account deletion, email change
        this.confirmCurrentPassword = new ConfirmCurrentPasswordService(
                ports.users(), hasher, throttle, events, settings.reauthenticationWindow(), clock);
        this.deleteAccount = new DeleteAccountService(
                confirmCurrentPassword,
                ports.users(),
                ports.rememberedBrowsers(),
                ports.knownBrowsers(),
                ports.securityEventLog(),
                ports.mailOutbox(),
                ports.linkTokens(),
                ports.transactions(),
                events,
                clock);
        this.requestEmailChange = new RequestEmailChangeService(
                confirmCurrentPassword,
                ports.users(),
                confirmations,
                ports.mailOutbox(),
                ports.transactions(),
                events,
                clock);
        this.openEmailConfirmationLink = new OpenEmailConfirmationLinkService(ports.linkTokens(), ports.users(), clock);
        this.confirmEmail =
                new ConfirmEmailService(ports.linkTokens(), ports.users(), ports.transactions(), events, clock);
    }

    /** The driven ports the use cases store, count and record through. */
    public record OutPorts(
            UserRepository users,
            RememberedBrowserRepository rememberedBrowsers,
            KnownBrowserRepository knownBrowsers,
            SecurityEventLog securityEventLog,
            AttemptLimiter attemptLimiter,
            // Link tokens, and the outbox and transactions that mail them (password reset, email confirmation).
            LinkTokens linkTokens,
            MailOutbox mailOutbox,
            Transactions transactions,
            // account.sessions: the session registry
            SignedInSessions signedInSessions,
            // second factors: every store that keeps some (authenticator app and recovery codes; passkeys)
            List<SecondFactorEnrolments> secondFactorEnrolments) {

        public OutPorts {
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
            Objects.requireNonNull(knownBrowsers, "knownBrowsers");
            Objects.requireNonNull(securityEventLog, "securityEventLog");
            Objects.requireNonNull(attemptLimiter, "attemptLimiter");
            Objects.requireNonNull(linkTokens, "linkTokens");
            Objects.requireNonNull(mailOutbox, "mailOutbox");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(signedInSessions, "signedInSessions");
            secondFactorEnrolments = List.copyOf(secondFactorEnrolments);
        }
    }

    /** The policies and lifetimes the deployment chooses. */
    public record Settings(
            PasswordPolicy passwordPolicy,
            ThrottlePolicy throttlePolicy,
            RememberMeSettings rememberMe,
            Duration knownBrowserLifetime,
            Duration securityEventRetention,
            // How long mailed links work (password reset, email confirmation).
            LinkLifetimes linkLifetimes,
            // How long a password given lets the user make sensitive changes without typing it again.
            ReauthenticationWindow reauthenticationWindow,
            // The site's address as users reach it (vestibule.public-url): links in mails are built from it.
            String publicUrl,
            // issue 13 findings 3 and 4: a throttled burst is one event per bucket and this period; the global
            // failed-login rate and its slowdown for unknown browsers
            Duration throttledBurstPeriod,
            LoginSurge loginSurge) {

        public Settings {
            Objects.requireNonNull(passwordPolicy, "passwordPolicy");
            Objects.requireNonNull(throttlePolicy, "throttlePolicy");
            Objects.requireNonNull(rememberMe, "rememberMe");
            Objects.requireNonNull(knownBrowserLifetime, "knownBrowserLifetime");
            Objects.requireNonNull(securityEventRetention, "securityEventRetention");
            Objects.requireNonNull(linkLifetimes, "linkLifetimes");
            Objects.requireNonNull(reauthenticationWindow, "reauthenticationWindow");
            Objects.requireNonNull(publicUrl, "publicUrl");
            Objects.requireNonNull(throttledBurstPeriod, "throttledBurstPeriod");
            Objects.requireNonNull(loginSurge, "loginSurge");
        }

        /** With the default burst period and global failed-login rate (issue 13 findings 3 and 4). */
        public Settings(
                PasswordPolicy passwordPolicy,
                ThrottlePolicy throttlePolicy,
                RememberMeSettings rememberMe,
                Duration knownBrowserLifetime,
                Duration securityEventRetention,
                LinkLifetimes linkLifetimes,
                ReauthenticationWindow reauthenticationWindow,
                String publicUrl) {
            this(
                    passwordPolicy,
                    throttlePolicy,
                    rememberMe,
                    knownBrowserLifetime,
                    securityEventRetention,
                    linkLifetimes,
                    reauthenticationWindow,
                    publicUrl,
                    SecurityEvents.DEFAULT_BURST_PERIOD,
                    LoginSurge.DEFAULT);
        }
    }

    public LogIn logIn() {
        return logIn;
    }

    public LoadSecondFactors loadSecondFactors() {
        return loadSecondFactors;
    }

    public RegisterUser registerUser() {
        return registerUser;
    }

    public RememberBrowser rememberBrowser() {
        return rememberBrowser;
    }

    public RecognizeRememberedBrowser recognizeRememberedBrowser() {
        return recognizeRememberedBrowser;
    }

    public ForgetRememberedBrowser forgetRememberedBrowser() {
        return forgetRememberedBrowser;
    }

    public MarkBrowserKnown markBrowserKnown() {
        return markBrowserKnown;
    }

    public LoadCurrentUser loadCurrentUser() {
        return loadCurrentUser;
    }

    public RecordSecurityEvent recordSecurityEvent() {
        return recordSecurityEvent;
    }

    public ViewAccountActivity viewAccountActivity() {
        return viewAccountActivity;
    }

    public PurgeExpiredRecords purgeExpiredRecords() {
        return purgeExpiredRecords;
    }

    // Password reset.
    public RequestPasswordReset requestPasswordReset() {
        return requestPasswordReset;
    }

    public OpenPasswordResetLink openPasswordResetLink() {
        return openPasswordResetLink;
    }

    public ResetPassword resetPassword() {
        return resetPassword;
    }

    // re-authentication, account deletion, email change

    public ConfirmCurrentPassword confirmCurrentPassword() {
        return confirmCurrentPassword;
    }

    public DeleteAccount deleteAccount() {
        return deleteAccount;
    }

    // account.sessions: containment and session control

    public ChangePassword changePassword() {
        return changePassword;
    }

    public ViewSignIns viewSignIns() {
        return viewSignIns;
    }

    public RevokeSignIn revokeSignIn() {
        return revokeSignIn;
    }

    public LogOutEverywhereElse logOutEverywhereElse() {
        return logOutEverywhereElse;
    }

    public RequestEmailChange requestEmailChange() {
        return requestEmailChange;
    }

    public OpenEmailConfirmationLink openEmailConfirmationLink() {
        return openEmailConfirmationLink;
    }

    public ConfirmEmail confirmEmail() {
        return confirmEmail;
    }
}
