package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * The adaptive answer to password spraying (ASVS 6.3.1, issue 13 finding 4): failed logins across every account and
 * address are counted in one bucket shared by the instance group. While it is empty, and until it would be full
 * again, attempts from browsers not known to the account wait {@code slowdown} before their password is checked. A
 * sprayer's attempts, each from an unknown browser, take that much longer; nobody is refused, so a real user with the
 * right password still gets in (a little later), and a browser that signed in to the account before does not wait.
 */
public record LoginSurge(AttemptLimit failuresEverywhere, Duration slowdown) {

    /** The bucket every failed login of the deployment takes from. */
    public static final String KEY = "everywhere";

    /**
     * 1,000 failures at once, then 10 a second (600 a minute) across the deployment: far above what real users'
     * typos make, far below what a spraying botnet sends; then 2 s per attempt from an unknown browser.
     */
    public static final LoginSurge DEFAULT = new LoginSurge(
            new AttemptLimit("failures-everywhere", 1_000, Duration.ofMillis(100)), Duration.ofSeconds(2));

    public LoginSurge {
        Objects.requireNonNull(failuresEverywhere, "failuresEverywhere");
        Objects.requireNonNull(slowdown, "slowdown");
        if (slowdown.isNegative()) {
            throw new IllegalArgumentException("a slowdown cannot be negative");
        }
    }

    /** How long a surge lasts after the last failure it refused: until the bucket would be full again. */
    public Duration lasts() {
        return failuresEverywhere.fullRefill();
    }
}
