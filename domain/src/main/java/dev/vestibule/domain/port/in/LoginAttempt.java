package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Credentials;
import java.util.Objects;
import java.util.Optional;

/**
 * A login as it arrives: the credentials, where the request came from, and the known-device id the
 * browser presented, if any.
 */
public record LoginAttempt(Credentials credentials, Origin origin, Optional<String> knownDeviceId) {

    public LoginAttempt {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(knownDeviceId, "knownDeviceId");
    }

    public static LoginAttempt of(Credentials credentials) {
        return new LoginAttempt(credentials, Origin.unknown(), Optional.empty());
    }
}
