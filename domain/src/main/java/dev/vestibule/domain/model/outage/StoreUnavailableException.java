package dev.vestibule.domain.model.outage;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A driven port's store (the database, the session store) cannot be reached or did not answer in time.
 * Not a result a use case can act on: the request fails, the user is asked to come back shortly, and
 * the same instance carries on once the store is back. Adapters raise it in place of their technology's
 * connection and timeout failures, so the web side can tell an outage from a bug without knowing
 * R2DBC or Redis.
 */
public final class StoreUnavailableException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String store;

    public StoreUnavailableException(String store, Throwable cause) {
        super(Objects.requireNonNull(store, "store") + " unavailable", cause);
        this.store = store;
    }

    /** Which store failed, for operators' logs ("PostgreSQL", "Redis"). */
    public String store() {
        return store;
    }

    /** {@code error} as this store's outage: the outage itself when it already is one, else wrapped. */
    public static StoreUnavailableException of(String store, Throwable error) {
        return error instanceof StoreUnavailableException outage ? outage : new StoreUnavailableException(store, error);
    }

    /** The outage in {@code error} or one of its causes, if any. */
    public static Optional<StoreUnavailableException> in(Throwable error) {
        return causeMatching(error, cause -> cause instanceof StoreUnavailableException)
                .map(StoreUnavailableException.class::cast);
    }

    /**
     * The first of {@code error} and its causes that {@code test} accepts: adapters recognise their
     * technology's connection failures wherever a framework wrapped them.
     */
    public static Optional<Throwable> causeMatching(Throwable error, Predicate<Throwable> test) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
