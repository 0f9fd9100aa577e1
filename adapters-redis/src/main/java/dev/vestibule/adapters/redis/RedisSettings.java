package dev.vestibule.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * What the Redis adapter needs to know of the deployment's configuration, handed over by bootstrap from
 * {@code vestibule.session.*} and {@code vestibule.throttling.*}.
 *
 * @param sessionNamespace  Spring Session's key namespace; session keys are {@code <namespace>:sessions:<id>}
 * @param idleTimeout       how long a session lives without a request
 * @param activeCountEvery  how often the active sessions are counted (a SCAN of the namespace)
 * @param throttlingKeyPrefix the key prefix of the throttling buckets
 */
public record RedisSettings(
        String sessionNamespace, Duration idleTimeout, Duration activeCountEvery, String throttlingKeyPrefix) {

    public RedisSettings {
        Objects.requireNonNull(sessionNamespace, "sessionNamespace");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(activeCountEvery, "activeCountEvery");
        Objects.requireNonNull(throttlingKeyPrefix, "throttlingKeyPrefix");
    }
}
