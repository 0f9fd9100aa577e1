package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Credentials;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A login as it arrives: the credentials, where the request came from, and the known-browser ids the browser
 * presented, most recent first: one per account it signed in to (issue 13 finding 6), at most {@link
 * #MAX_KNOWN_BROWSER_IDS}.
 */
public record LoginAttempt(Credentials credentials, Origin origin, List<String> knownBrowserIds) {

    /** How many accounts one browser is known to at most: a family computer, not a list an attacker can grow. */
    public static final int MAX_KNOWN_BROWSER_IDS = 5;

    public LoginAttempt {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(origin, "origin");
        knownBrowserIds = List.copyOf(Objects.requireNonNull(knownBrowserIds, "knownBrowserIds"));
        if (knownBrowserIds.size() > MAX_KNOWN_BROWSER_IDS) {
            throw new IllegalArgumentException("at most " + MAX_KNOWN_BROWSER_IDS + " known-browser ids");
        }
    }

    /** An attempt with at most one known-browser id. */
    public LoginAttempt(Credentials credentials, Origin origin, Optional<String> knownBrowserId) {
        this(credentials, origin, knownBrowserId.stream().toList());
    }
}
