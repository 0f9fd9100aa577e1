package dev.vestibule.adapters.memory;

import java.time.Duration;
import java.util.Objects;

/**
 * What the in-memory adapter needs to know of the configuration, handed over by bootstrap.
 *
 * @param idleTimeout how long a session lives without a request ({@code vestibule.session.idle-timeout})
 */
public record MemorySettings(Duration idleTimeout) {

    public MemorySettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
}
