package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Credentials;
import java.util.Objects;
import java.util.Optional;

/**
 * A login as it arrives: the credentials, where the request came from, and the known-browser id the
 * browser presented, if any.
 */
public record LoginAttempt(Credentials credentials, Origin origin, Optional<String> knownBrowserId) {

    public LoginAttempt {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(knownBrowserId, "knownBrowserId");
    }
}
