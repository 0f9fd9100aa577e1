package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * How many attempts are allowed. Per account, failures slow down quickly (an attacker guessing one
 * password); per client address, generously (many users behind one NAT); a browser that signed in to the
 * account before has an allowance of its own, so an attacker cannot lock the real user out (OWASP
 * "device cookies"). IPv6 clients are counted by their first {@code ipv6PrefixLength} bits (a /64 by default).
 */
public record ThrottlePolicy(
        AttemptLimit perAccount,
        AttemptLimit perKnownBrowser,
        AttemptLimit perClientAddress,
        AttemptLimit registrationsPerClientAddress,
        int ipv6PrefixLength) {

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(
            new AttemptLimit("account", 5, Duration.ofMinutes(1)),
            new AttemptLimit("device", 10, Duration.ofMinutes(1)),
            new AttemptLimit("client", 100, Duration.ofSeconds(6)),
            new AttemptLimit("registration", 10, Duration.ofMinutes(6)),
            ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);

    /** These limits, with IPv6 clients counted by their /64. */
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
                ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);
    }

    public ThrottlePolicy {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perKnownBrowser, "perKnownBrowser");
        Objects.requireNonNull(perClientAddress, "perClientAddress");
        Objects.requireNonNull(registrationsPerClientAddress, "registrationsPerClientAddress");
        ThrottleKeys.checkPrefixLength(ipv6PrefixLength);
    }

    /** The bucket key of a client at {@code address}, IPv6 addresses counted by their network. */
    public String clientKey(String address) {
        return ThrottleKeys.clientAddress(address, ipv6PrefixLength);
    }
}
