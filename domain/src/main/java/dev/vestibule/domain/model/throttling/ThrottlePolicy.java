package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * How many attempts are allowed. Per account, failures slow down quickly (an attacker guessing one
 * password); per client address, generously (many users behind one NAT); a browser that signed in to the
 * account before has an allowance of its own, so an attacker cannot lock the real user out (OWASP
 * "device cookies"). Password-reset requests have limits of their own, per account (its mailbox is not
 * flooded) and per client address (nobody mails the whole user list). IPv6 clients are counted by their first {@code ipv6PrefixLength} bits (a /64 by default).
 */
public record ThrottlePolicy(
        AttemptLimit perAccount,
        AttemptLimit perKnownBrowser,
        AttemptLimit perClientAddress,
        AttemptLimit registrationsPerClientAddress,
        AttemptLimit passwordResetsPerAccount,
        AttemptLimit passwordResetsPerClientAddress,
        int ipv6PrefixLength) {

    /** Three reset mails per account, then one per 10 minutes; 20 requests per client address, then one a minute. */
    public static final AttemptLimit DEFAULT_PASSWORD_RESETS_PER_ACCOUNT =
            new AttemptLimit("password-reset-account", 3, Duration.ofMinutes(10));

    public static final AttemptLimit DEFAULT_PASSWORD_RESETS_PER_CLIENT_ADDRESS =
            new AttemptLimit("password-reset-client", 20, Duration.ofMinutes(1));

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(
            new AttemptLimit("account", 5, Duration.ofMinutes(1)),
            new AttemptLimit("device", 10, Duration.ofMinutes(1)),
            new AttemptLimit("client", 100, Duration.ofSeconds(6)),
            new AttemptLimit("registration", 10, Duration.ofMinutes(6)),
            DEFAULT_PASSWORD_RESETS_PER_ACCOUNT,
            DEFAULT_PASSWORD_RESETS_PER_CLIENT_ADDRESS,
            ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);

    public ThrottlePolicy {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perKnownBrowser, "perKnownBrowser");
        Objects.requireNonNull(perClientAddress, "perClientAddress");
        Objects.requireNonNull(registrationsPerClientAddress, "registrationsPerClientAddress");
        Objects.requireNonNull(passwordResetsPerAccount, "passwordResetsPerAccount");
        Objects.requireNonNull(passwordResetsPerClientAddress, "passwordResetsPerClientAddress");
        ThrottleKeys.checkPrefixLength(ipv6PrefixLength);
    }

    /** The bucket key of a client at {@code address}, IPv6 addresses counted by their network. */
    public String clientKey(String address) {
        return ThrottleKeys.clientAddress(address, ipv6PrefixLength);
    }

    /** The login and sign-up limits, with the default password-reset limits and IPv6 clients counted by their /64. */
    public ThrottlePolicy(
            AttemptLimit perAccount,
            AttemptLimit perKnownBrowser,
            AttemptLimit perClientAddress,
            AttemptLimit registrationsPerClientAddress) {
        this(
                perAccount,
                perKnownBrowser,
                perClientAddress,
                registrationsPerClientAddress,
                DEFAULT_PASSWORD_RESETS_PER_ACCOUNT,
                DEFAULT_PASSWORD_RESETS_PER_CLIENT_ADDRESS,
                ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);
    }

    /** The login, sign-up and password-reset limits, with IPv6 clients counted by their /64. */
    public ThrottlePolicy(
            AttemptLimit perAccount,
            AttemptLimit perKnownBrowser,
            AttemptLimit perClientAddress,
            AttemptLimit registrationsPerClientAddress,
            AttemptLimit passwordResetsPerAccount,
            AttemptLimit passwordResetsPerClientAddress) {
        this(
                perAccount,
                perKnownBrowser,
                perClientAddress,
                registrationsPerClientAddress,
                passwordResetsPerAccount,
                passwordResetsPerClientAddress,
                ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);
    }
}
