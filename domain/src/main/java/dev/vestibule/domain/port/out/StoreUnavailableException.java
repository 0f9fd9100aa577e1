package dev.vestibule.domain.port.out;

import java.util.Objects;

/**
 * A driven port's store (the database, the session store) cannot be reached or did not answer in time.
 * Not a result a use case can act on: the request fails, the user is asked to come back shortly, and
 * the same instance carries on once the store is back. Adapters raise it in place of their technology's
 * connection and timeout failures, so the web side can tell an outage from a bug without knowing
 * R2DBC or Redis.
 */
public final class StoreUnavailableException extends RuntimeException {

    private final String store;

    public StoreUnavailableException(String store, Throwable cause) {
        super(Objects.requireNonNull(store, "store") + " unavailable", cause);
        this.store = store;
    }

    /** Which store failed, for operators' logs ("PostgreSQL", "Redis"). */
    public String store() {
        return store;
    }

    /** Whether {@code error} or one of its causes is an outage. */
    public static boolean isCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
