package dev.vestibule.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.DoubleSupplier;

/**
 * How many sessions exist right now across the deployment: the {@code vestibule_sessions_active} gauge, over
 * whichever store holds them (the session adapter counts, this names and describes the figure). A session is
 * one browser's entry in the session store that has not expired: signed in, or anonymous but holding
 * something (a CSRF token for the login form, a flash message).
 */
public final class ActiveSessions {

    public static final String GAUGE = "vestibule.sessions.active";

    private ActiveSessions() {}

    /** @param count the latest count; NaN when it cannot be known (the store is unreachable) */
    public static void register(DoubleSupplier count, MeterRegistry registry) {
        // Strong: a gauge holds its object weakly, and nothing else holds this supplier.
        Gauge.builder(GAUGE, count, DoubleSupplier::getAsDouble)
                .strongReference(true)
                .description("Unexpired sessions in the session store, signed in or not; the same figure on "
                        + "every instance of a deployment (aggregate with max, not sum)")
                .register(registry);
    }
}
