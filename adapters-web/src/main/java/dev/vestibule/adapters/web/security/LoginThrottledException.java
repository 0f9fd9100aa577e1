package dev.vestibule.adapters.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because too many attempts failed recently. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed login attempts");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
