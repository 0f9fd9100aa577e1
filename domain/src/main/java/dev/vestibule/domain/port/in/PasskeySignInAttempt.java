package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import java.util.Objects;
import java.util.Optional;

/** The browser's authentication response (JSON), the pending password sign-in it finishes (if any), and its origin. */
public record PasskeySignInAttempt(String responseJson, Optional<PendingLogin> pending, Origin origin) {

    public PasskeySignInAttempt {
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(origin, "origin");
    }
}
