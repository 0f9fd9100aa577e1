package dev.vestibule.adapters.persistence;

import dev.vestibule.domain.model.outage.StoreUnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns "the database is not there" into the domain's {@link StoreUnavailableException}, for every
 * method of a driven port at once: connection refused or lost, pool acquisition timed out, a transaction
 * that could not begin. Wrapping the port, rather than each query, keeps the rule in one place and
 * covers queries added later. Constraint violations and SQL errors stay what they are (bugs or results).
 */
public final class DatabaseOutages {

    static final String STORE = "PostgreSQL";

    private DatabaseOutages() {}

    /** {@code adapter}, seen through {@code port}, with its outage failures translated. */
    static <T> T translated(Class<T> port, T adapter) {
        return port.cast(
                Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, new Translating(adapter)));
    }

    private record Translating(Object adapter) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            Object result;
            try {
                result = method.invoke(adapter, arguments);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
            if (result instanceof Mono<?> mono) {
                return mono.onErrorMap(DatabaseOutages::isOutage, DatabaseOutages::unavailable);
            }
            if (result instanceof Flux<?> flux) {
                return flux.onErrorMap(DatabaseOutages::isOutage, DatabaseOutages::unavailable);
            }
            return result;
        }
    }

    /** The adapter a port bean wraps (for tests that must know they talk to the real database adapter). */
    public static Object adapterBehind(Object port) {
        if (Proxy.isProxyClass(port.getClass())
                && Proxy.getInvocationHandler(port) instanceof Translating translating) {
            return translating.adapter();
        }
        return port;
    }

    static boolean isOutage(Throwable error) {
        return StoreUnavailableException.causeMatching(
                        error,
                        cause -> cause instanceof DataAccessResourceFailureException
                                || cause instanceof TransientDataAccessException
                                || cause instanceof CannotCreateTransactionException
                                || cause instanceof R2dbcNonTransientResourceException
                                || cause instanceof R2dbcTransientResourceException
                                || cause instanceof R2dbcTimeoutException
                                || cause instanceof ConnectException
                                || cause instanceof TimeoutException)
                .isPresent();
    }

    private static Throwable unavailable(Throwable error) {
        return StoreUnavailableException.of(STORE, error);
    }
}
