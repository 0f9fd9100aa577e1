package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * How many attempts are allowed. Per account, failures slow down quickly (an attacker guessing one
 * password); per client address, generously (many users behind one NAT); a browser that signed in to the
 * account before has an allowance of its own, so an attacker cannot lock the real user out (OWASP
 * "device cookies").
 */
public record ThrottlePolicy(
        AttemptLimit perAccount,
        AttemptLimit perKnownBrowser,
        AttemptLimit perClientAddress,
        AttemptLimit registrationsPerClientAddress) {

    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(
            new AttemptLimit("account", 5, Duration.ofMinutes(1)),
            new AttemptLimit("device", 10, Duration.ofMinutes(1)),
            new AttemptLimit("client", 100, Duration.ofSeconds(6)),
            new AttemptLimit("registration", 10, Duration.ofMinutes(6)));

    public ThrottlePolicy {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perKnownBrowser, "perKnownBrowser");
        Objects.requireNonNull(perClientAddress, "perClientAddress");
        Objects.requireNonNull(registrationsPerClientAddress, "registrationsPerClientAddress");
    }
}
