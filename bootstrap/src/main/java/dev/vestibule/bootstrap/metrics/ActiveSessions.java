package dev.vestibule.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many sessions exist right now across the deployment: the {@code vestibule_sessions_active} gauge.
 * A session is one browser's entry in the session store that has not expired: signed in, or anonymous
 * but holding something (a CSRF token for the login form, a flash message).
 */
public interface ActiveSessions {

    String GAUGE = "vestibule.sessions.active";

    /** The latest count; NaN when it cannot be known (the store is unreachable). */
    double count();

    static void register(ActiveSessions sessions, MeterRegistry registry) {
        Gauge.builder(GAUGE, sessions, ActiveSessions::count)
                .description("Unexpired sessions in the session store, signed in or not; the same figure on "
                        + "every instance of a deployment (aggregate with max, not sum)")
                .register(registry);
    }
}
