package dev.vestibule.adapters.memory;

import java.time.Duration;
import java.util.Objects;

/**
 * What the in-memory adapter needs to know of the configuration, handed over by bootstrap.
 *
 * @param idleTimeout how long a session lives without a request ({@code vestibule.session.idle-timeout})
 * @param maxSessions how many sessions are kept at most ({@code vestibule.session.memory-max-sessions})
 * @param sweepEvery  how often expired sessions are removed ({@code vestibule.session.memory-sweep-every})
 */
public record MemorySettings(Duration idleTimeout, int maxSessions, Duration sweepEvery) {

    public MemorySettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sweepEvery, "sweepEvery");
    }
}
