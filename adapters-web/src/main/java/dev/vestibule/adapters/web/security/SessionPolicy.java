package dev.vestibule.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a signed-in session may last from its login, however active (the idle timeout is the session
 * store's business), and how long a browser stays a known browser.
 */
public record SessionPolicy(Duration absoluteTimeout, Duration knownBrowserLifetime) {

    public SessionPolicy {
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(knownBrowserLifetime, "knownBrowserLifetime");
        if (absoluteTimeout.isNegative() || absoluteTimeout.isZero()) {
            throw new IllegalArgumentException("the absolute session timeout must be positive");
        }
    }
}
