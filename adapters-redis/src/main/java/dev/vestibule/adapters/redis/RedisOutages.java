package dev.vestibule.adapters.redis;

import dev.vestibule.domain.model.outage.StoreUnavailableException;
import io.lettuce.core.RedisException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Redis failures as the domain's {@link StoreUnavailableException}. Any Lettuce failure counts (refused
 * or lost connection, a command that timed out while Lettuce reconnects, a Redis out of memory): for
 * sessions and throttling buckets each of them means "come back in a moment", never a bug in the request.
 */
public final class RedisOutages {

    static final String STORE = "Redis";

    private RedisOutages() {}

    public static <T> Mono<T> translate(Mono<T> call) {
        return call.onErrorMap(RedisOutages::isOutage, RedisOutages::unavailable);
    }

    public static <T> Flux<T> translate(Flux<T> call) {
        return call.onErrorMap(RedisOutages::isOutage, RedisOutages::unavailable);
    }

    static boolean isOutage(Throwable error) {
        return StoreUnavailableException.causeMatching(
                        error,
                        cause -> cause instanceof RedisException
                                || cause instanceof RedisConnectionFailureException
                                || cause instanceof RedisSystemException
                                || cause instanceof ConnectException
                                || cause instanceof TimeoutException)
                .isPresent();
    }

    private static Throwable unavailable(Throwable error) {
        return StoreUnavailableException.of(STORE, error);
    }
}
