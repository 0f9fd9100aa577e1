package dev.vestibule.bootstrap;

import dev.vestibule.adapters.persistence.user.UserCacheSettings;
import dev.vestibule.adapters.web.edge.ForwardedHeaderStyle;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.WhenBreachCheckUnavailable;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.LoginSurge;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of Vestibule's own, under "vestibule.": the configuration reference in docs/operations.md lists them.
 *
 * @param password   what a new password must be
 * @param rememberMe how long "remember me" lasts
 * @param hashing    the password-hashing pool and the Argon2id cost
 * @param session    where sessions live and how long they last
 * @param throttling how many failed logins and sign-ups are allowed
 * @param retention  how long security events are kept, and how often old records are purged
 * @param shutdown   how an instance leaves its load balancer
 * @param proxy      which proxies in front of the service are believed about the client
 * @param userCache  the per-instance cache of signed-in users (PostgreSQL only)
 * @param publicUrl  the site's address as users reach it: links in mails are built from it, never from a request
 * @param mail       how mail is sent and how the outbox is delivered
 * @param passwordReset     how long a mailed reset link works
 * @param emailConfirmation how long a mailed confirmation link works
 * @param account    what a signed-in user must prove before sensitive changes to the account
 * @param securityContact whom to tell about a vulnerability, for /.well-known/security.txt (mailto:, https: or tel:
 *                   URIs or email addresses, comma-separated); unset, the file is not served
 * @param connections how long a client may take to send a request (slowloris); Netty's idle timeout is
 *                   {@code server.netty.idle-timeout}
 * @param cookieSigning the server key that signs the CSRF token and other cookies we must believe later
 * @param twoFactor  (issue 14) the key the authenticator-app secrets are encrypted with, and the second step's allowance
 */
@ConfigurationProperties("vestibule")
public record VestibuleProperties(
        @DefaultValue Password password,
        @DefaultValue RememberMe rememberMe,
        @DefaultValue Hashing hashing,
        @DefaultValue Session session,
        @DefaultValue Throttling throttling,
        @DefaultValue Retention retention,
        @DefaultValue Shutdown shutdown,
        @DefaultValue Proxy proxy,
        @DefaultValue UserCache userCache,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue Mail mail,
        @DefaultValue PasswordReset passwordReset,
        @DefaultValue EmailConfirmation emailConfirmation,
        @DefaultValue Account account,
        @DefaultValue("") String securityContact,
        // issue 13 finding 6: slow clients
        @DefaultValue Connections connections,
        // issue 13 finding 6: the server key that signs the CSRF token and a failed login's name
        @DefaultValue CookieSigning cookieSigning,
        // issue 14: twofactor
        @DefaultValue TwoFactor twoFactor) {

    // issue 14: twofactor
    /**
     * The authenticator app's secrets are stored encrypted (AES-256-GCM) with {@code encryptionKey}: required
     * wherever the database outlives the process (PostgreSQL); the embedded in-memory H2 default draws one at start.
     *
     * @param encryptionKey      seals and opens; at least 32 characters ({@code openssl rand -base64 48})
     * @param previousKeys       open only: the old key while rotating (each secret is re-sealed with the new key at
     *                           its user's next sign-in with a code)
     * @param secondStepFailures wrong second steps an account may make at once (counted across its pending logins)
     * @param secondStepRefill   after those, one more attempt per this period
     */
    public record TwoFactor(
            @DefaultValue("") String encryptionKey,
            @DefaultValue List<String> previousKeys,
            @DefaultValue("10") int secondStepFailures,
            @DefaultValue("1h") Duration secondStepRefill) {

        public AttemptLimit secondStepLimit() {
            return new AttemptLimit("second-step", secondStepFailures, secondStepRefill);
        }
    }

    /**
     * (issue 13 finding 6) The server key our cookies are signed with (HMAC-SHA256). Every instance must
     * have the same key: with {@code vestibule.session.store=redis} (several instances) it is required; with
     * the in-memory store (one instance) a key made at each start is used when none is set.
     *
     * @param key          signs and verifies; at least 32 characters (e.g. {@code openssl rand -base64 48})
     * @param previousKeys verify only: keep the old key here for a day while rotating to a new one
     */
    public record CookieSigning(
            @DefaultValue("") String key, @DefaultValue List<String> previousKeys) {}

    /** @param linkLifetime how long a mailed reset link works (a new request spends the older links at once) */
    public record PasswordReset(@DefaultValue("1h") Duration linkLifetime) {}

    /** @param linkLifetime how long a mailed confirmation link works */
    public record EmailConfirmation(@DefaultValue("24h") Duration linkLifetime) {}

    /**
     * @param maxLength   the longest accepted password (at least 64); only bounds the work of hashing
     * @param breachCheck the k-anonymity range API new passwords are asked of
     * @param minimumLength (issue 14) the shortest new password on its own (sign-up, reset, a change while the account
     *                    has no second factor): 15 by default, NIST SP 800-63B rev. 4's single-factor minimum
     * @param minimumLengthWithSecondFactor (issue 14) the shortest new password chosen while the account has a second
     *                    factor (authenticator app or passkey): 8 by default; never below 8 nor above the other
     * @param minLength   the name {@code minimum-length} had before issue 14 (deprecated); still honoured when the new
     *                    one is unset
     */
    public record Password(
            @DefaultValue("" + PasswordPolicy.DEFAULT_MAXIMUM_LENGTH)
            int maxLength,

            // issue 13 finding 8: breached passwords
            @DefaultValue BreachCheck breachCheck,
            // issue 14: password policy (NIST SP 800-63B rev. 4: 15 on its own, 8 with a second factor)
            Integer minimumLength,

            @DefaultValue("" + PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR)
            int minimumLengthWithSecondFactor,

            Integer minLength) {

        /** {@code minimum-length}, else the old {@code min-length}, else NIST's 15. */
        public int effectiveMinimumLength() {
            if (minimumLength != null) {
                return minimumLength;
            }
            return minLength != null ? minLength : PasswordPolicy.DEFAULT_MINIMUM_LENGTH;
        }
    }

    /**
     * New passwords asked of a k-anonymity range API (issue 13 finding 8: breached passwords); off by default, since
     * it sends a request to somebody else's service for every new password.
     *
     * @param enabled          whether to ask at all
     * @param baseUrl          the API, without {@code /range} (Have I Been Pwned's, or a mirror inside the network)
     * @param timeout          how long a new password waits for the answer (connecting included)
     * @param whenUnavailable  {@code accept} (fail open: the rest of the policy decides) or {@code refuse} (fail
     *                         closed: the user is asked to try again) when the API does not answer in time or fails
     * @param userAgent        what the requests call themselves (the API asks every client to)
     */
    public record BreachCheck(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("https://api.pwnedpasswords.com") java.net.URI baseUrl,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("accept") WhenBreachCheckUnavailable whenUnavailable,
            @DefaultValue("Vestibule") String userAgent) {}

    /**
     * Issue 13 finding 6: slow clients.
     *
     * @param requestHeadTimeout from a request's first byte to the end of its head; a connection still sending its
     *                           head then is closed (Netty's idle timeout is reset by every byte, so it cannot)
     * @param requestBodyTimeout from the end of the head to the end of the body (Reactor Netty's request timeout)
     */
    public record Connections(
            @DefaultValue("10s") Duration requestHeadTimeout,
            @DefaultValue("30s") Duration requestBodyTimeout) {}

    /**
     * @param lifetime            how long a browser stays remembered, however often it is used
     * @param rotationGracePeriod issue 13 finding 1: how long after a rotation the secret it replaced still signs
     *                            in the browser whose request rotated it (its tabs restored at once), 0 to 5 min;
     *                            the default is measured (docs/security.md, "Remember me")
     * @param rotationGraceUses   how many times within that period, 0 to 100; any other use of the replaced
     *                            secret (another browser, later, once more) revokes the series as theft
     */
    public record RememberMe(
            @DefaultValue("14d") Duration lifetime,
            @DefaultValue("5s") Duration rotationGracePeriod,
            @DefaultValue("10") int rotationGraceUses) {}

    /**
     * @param threads   hashes computed at once; 0 means one per CPU core
     * @param queueSize hashes allowed to wait, per hashing thread, before logins and sign-ups are refused
     *                  with 503 (the longest wait is about this many hash times)
     * @param maxQueueWait  the longest a hash may wait for a thread; one that waited longer is refused with 503
     *                      when its turn comes (a queue drains slowly while page views take the cores)
     */
    public record Hashing(
            @DefaultValue("0") int threads,
            @DefaultValue("16") int queueSize,
            @DefaultValue("1s") Duration maxQueueWait,
            @DefaultValue("19456") int argon2MemoryKib,
            @DefaultValue("2") int argon2Iterations,
            @DefaultValue("1") int argon2Parallelism) {

        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param store           "memory" (one instance only) or "redis" (shared by every instance)
     * @param idleTimeout     a session unused this long ends
     * @param absoluteTimeout a signed-in session ends this long after the login, however active
     * @param redisNamespace  prefix of the session keys in Redis
     * @param activeCountEvery how often the vestibule_sessions_active gauge recounts the sessions in Redis
     * @param memoryMaxSessions (issue 13 finding 2) how many sessions the in-memory store keeps at most; beyond,
     *                        the least recently used one ends
     * @param memorySweepEvery (issue 13 finding 2) how often the in-memory store removes expired sessions
     */
    public record Session(
            @DefaultValue("memory") SessionStore store,
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("12h") Duration absoluteTimeout,
            @DefaultValue("vestibule:session") String redisNamespace,
            @DefaultValue("15s") Duration activeCountEvery,
            @DefaultValue("10000") int memoryMaxSessions,
            @DefaultValue("1m") Duration memorySweepEvery) {}

    /**
     * Each limit left unset keeps the default of {@link ThrottlePolicy#DEFAULT}.
     *
     * @param perAccount                    failed logins per account before attempts slow down
     * @param perKnownBrowser                the separate allowance of a browser that signed in to the account before
     * @param perClientAddress              failed logins per client address
     * @param registrationsPerClientAddress sign-ups per client address
     * @param passwordResetsPerAccount        password-reset requests per email address (one account's mailbox)
     * @param passwordResetsPerClientAddress  password-reset requests per client address
     * @param knownBrowserLifetime           how long a browser stays known, counted from the login that first made it
     *                                      known (later logins do not renew it)
     * @param redisKeyPrefix                prefix of the bucket keys in Redis
     * @param ipv6PrefixLength              IPv6 clients are counted by this many leading bits of their address
     *                                      (a /64 is what one subscriber usually gets); IPv4 by the whole address
     * @param failuresEverywhere            issue 13 finding 4: failed logins across every account and address of the
     *                                      deployment before it counts as a surge (spraying)
     * @param surgeSlowdown                 how long an attempt from a browser not known to the account waits during
     *                                      a surge before its password is checked (0s turns the slowdown off)
     * @param throttledBurstPeriod          issue 13 finding 3: throttled attempts of one bucket are recorded as one
     *                                      security event per period of this length, with their count
     */
    public record Throttling(
            Limit perAccount,
            Limit perKnownBrowser,
            Limit perClientAddress,
            Limit registrationsPerClientAddress,
            @DefaultValue("365d") Duration knownBrowserLifetime,
            @DefaultValue("vestibule:throttle") String redisKeyPrefix,
            Limit passwordResetsPerAccount,
            Limit passwordResetsPerClientAddress,

            @DefaultValue("" + ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH)
            int ipv6PrefixLength,
            // issue 13 findings 3 and 4: throttled bursts, the global failed-login rate
            Limit failuresEverywhere,
            @DefaultValue("2s") Duration surgeSlowdown,
            @DefaultValue("1h") Duration throttledBurstPeriod) {

        ThrottlePolicy policy() {
            ThrottlePolicy defaults = ThrottlePolicy.DEFAULT;
            return new ThrottlePolicy(
                    Limit.over(perAccount, defaults.perAccount()),
                    Limit.over(perKnownBrowser, defaults.perKnownBrowser()),
                    Limit.over(perClientAddress, defaults.perClientAddress()),
                    Limit.over(registrationsPerClientAddress, defaults.registrationsPerClientAddress()),
                    Limit.over(passwordResetsPerAccount, defaults.passwordResetsPerAccount()),
                    Limit.over(passwordResetsPerClientAddress, defaults.passwordResetsPerClientAddress()),
                    ipv6PrefixLength);
        }

        // issue 13 finding 4: the global failed-login rate
        LoginSurge loginSurge() {
            return new LoginSurge(
                    Limit.over(failuresEverywhere, LoginSurge.DEFAULT.failuresEverywhere()), surgeSlowdown);
        }
    }

    /**
     * @param capacity    attempts allowed at once
     * @param refillEvery one more attempt is allowed each time this passes
     */
    public record Limit(Integer capacity, Duration refillEvery) {

        /** The configured parts of {@code configured} over {@code defaults}. */
        static AttemptLimit over(Limit configured, AttemptLimit defaults) {
            if (configured == null) {
                return defaults;
            }
            return new AttemptLimit(
                    defaults.name(),
                    configured.capacity() == null ? defaults.capacity() : configured.capacity(),
                    configured.refillEvery() == null ? defaults.refillEvery() : configured.refillEvery());
        }
    }

    /**
     * Known and remembered browsers are purged when their own lifetime ends; security events have none, so
     * they get this one.
     *
     * @param securityEvents how long a security event is kept: 400 days is a year of account activity to
     *                       investigate (ASVS V16 asks for logs kept long enough for that) plus a month of
     *                       slack for an incident noticed late
     * @param purgeInterval  how often each instance purges; the first purge runs a minute after startup
     *                       (or after this interval, if shorter)
     */
    public record Retention(
            @DefaultValue("400d") Duration securityEvents,
            @DefaultValue("1h") Duration purgeInterval) {}

    /**
     * @param drainDelay how long a stopping instance keeps serving after its readiness went down, so that load
     *                   balancers stop sending it traffic before it stops taking any; 0 stops at once
     */
    public record Shutdown(@DefaultValue("5s") Duration drainDelay) {

        public Shutdown {
            if (drainDelay.isNegative()) {
                throw new IllegalArgumentException(
                        "vestibule.shutdown.drain-delay must not be negative, was " + drainDelay);
            }
        }
    }

    /**
     * @param trustedAddresses IP addresses and CIDR ranges of the proxies whose forwarded headers are
     *                         believed; empty (the default) believes nobody's
     * @param headers          which header family those proxies write: {@code x-forwarded} or {@code forwarded}
     */
    public record Proxy(
            @DefaultValue List<String> trustedAddresses,
            @DefaultValue("x-forwarded") ForwardedHeaderStyle headers) {}

    /**
     * Each instance keeps the users it loaded, so that a signed-in page view costs no query; PostgreSQL's
     * notifications evict a changed user from every instance within about a second, and while an instance
     * cannot hear them its cache answers nothing. Only with PostgreSQL: H2 has no LISTEN/NOTIFY.
     * {@code enabled} is also read directly by the persistence adapter, which decides whether the cache exists.
     *
     * @param enabled false: every signed-in request loads its user from the database
     * @param maxSize users kept per instance at most
     * @param ttl     the longest a user is kept without being loaded again: a safety net, not the invalidation
     */
    public record UserCache(
            @DefaultValue("true") boolean enabled,

            @DefaultValue("" + UserCacheSettings.DEFAULT_MAX_SIZE)
            int maxSize,

            @DefaultValue(UserCacheSettings.DEFAULT_TTL) Duration ttl) {

        UserCacheSettings settings() {
            return new UserCacheSettings(maxSize, ttl);
        }
    }

    /**
     * Mail goes through the outbox: written with the change it reports, delivered by every instance's schedule.
     * The SMTP server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} mails go to
     * the log.
     *
     * @param from             the sender of every mail
     * @param deliveryInterval how often each instance delivers due mail
     * @param batchSize        mails an instance claims per round
     * @param concurrency      mails of a round sent at once
     * @param lease            how long a claimed mail is held; a mail whose instance died is sent after it
     * @param firstRetryAfter  the delay after a mail's first failed attempt; it doubles with each further failure
     * @param maxRetryAfter    the longest delay between two attempts
     * @param maxAttempts      attempts before a mail is given up (kept, marked failed)
     * @param maxAge           how long after it was queued a mail is still attempted
     * @param retention        how long delivered and given-up mails stay in the outbox
     * @param threads          SMTP conversations at once per instance (threads of the mail pool)
     * @param queueSize        mails that may wait for one of those threads
     */
    public record Mail(
            @DefaultValue("Vestibule <no-reply@localhost>") String from,
            @DefaultValue("5s") Duration deliveryInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("4") int concurrency,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("30s") Duration firstRetryAfter,
            @DefaultValue("1h") Duration maxRetryAfter,
            @DefaultValue("25") int maxAttempts,
            @DefaultValue("2d") Duration maxAge,
            @DefaultValue("14d") Duration retention,
            @DefaultValue("4") int threads,
            @DefaultValue("100") int queueSize) {

        public Mail {
            if (deliveryInterval.isNegative() || deliveryInterval.isZero()) {
                throw new IllegalArgumentException(
                        "vestibule.mail.delivery-interval must be positive, was " + deliveryInterval);
            }
            if (retention.compareTo(maxAge) < 0) {
                throw new IllegalArgumentException(
                        "vestibule.mail.retention must not be shorter than vestibule.mail.max-age");
            }
        }
    }

    /**
     * @param reauthenticationWindow how long a password given in a session (at login, or on a page that asked for
     *                               it) spares the user from typing it again before changing the email address or
     *                               deleting the account; 0 asks every time
     */
    public record Account(@DefaultValue("5m") Duration reauthenticationWindow) {

        public Account {
            if (reauthenticationWindow.isNegative()) {
                throw new IllegalArgumentException(
                        "vestibule.account.reauthentication-window must not be negative, was "
                                + reauthenticationWindow);
            }
        }
    }

    public enum SessionStore {
        MEMORY,
        REDIS
    }
}
