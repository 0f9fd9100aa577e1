package dev.vestibule.adapters.web.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * (issue 14) Which pages need a recent second factor (step-up), and how recent: a signed-in user whose account has a
 * second factor reaches a listed page only within {@code window} of giving it; one without any second factor passes.
 * Bootstrap builds it from {@code vestibule.two-factor.step-up-window} and {@code vestibule.two-factor.step-up-paths}.
 *
 * @param window how recent the second factor must be
 * @param paths  Spring path patterns ({@code /account/delete}, {@code /admin/**}); none by default, so nothing changes
 */
public record StepUp(Duration window, List<String> paths) {

    /** NIST SP 800-63B rev. 4 asks AAL2 re-authentication within 12 hours; a sensitive page asks far more recently. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public StepUp {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("vestibule.two-factor.step-up-window must be positive, was " + window);
        }
        paths = List.copyOf(paths);
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("vestibule.two-factor.step-up-paths: not a path pattern: " + path);
            }
        }
    }

    /** No page needs a step-up (the default). */
    public static StepUp none() {
        return new StepUp(DEFAULT_WINDOW, List.of());
    }
}
