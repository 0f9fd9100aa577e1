package dev.vestibule.adapters.redis;

import dev.vestibule.adapters.redis.session.OutageTranslatingSessionRepository;
import dev.vestibule.adapters.redis.session.RedisActiveSessions;
import dev.vestibule.adapters.redis.session.RedisSignedInSessions;
import dev.vestibule.adapters.redis.session.SignedInIndexingSessionRepository;
import dev.vestibule.adapters.redis.session.SparingSessionRepository;
import dev.vestibule.adapters.redis.throttling.RedisAttemptLimiter;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.SignedInSessions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The Redis adapter's single entry point for bootstrap, which imports it when {@code vestibule.session.store}
 * is {@code redis}: sessions and throttling buckets in Redis, shared by every instance, so that no load
 * balancer needs sticky sessions and an attacker gains nothing by spreading attempts over instances.
 * Sessions are stored as JSON, not Java serialization: readable by the next release and by an operator
 * with redis-cli. The plain (non-indexed) repository with a per-user index of our own
 * ({@link SignedInIndexingSessionRepository}) finds a user's sessions for the sessions page; it writes less
 * than Spring Session's indexed repository and needs no keyspace notifications. Needs a {@link RedisSettings} bean; connection details come from {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisWebSession
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    /** Spring Session looks this serializer up by name. */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        // Sessions hold Strings and lists of Strings (flash messages); the CSRF token lives in a cookie;
        // nothing else may be turned back into an object.
        BasicPolymorphicTypeValidator.Builder allowedTypes =
                BasicPolymorphicTypeValidator.builder().allowIfSubType(ArrayList.class);
        JsonMapper mapper = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowedTypes))
                .build();
        return new GenericJacksonJsonRedisSerializer(mapper);
    }

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionSettings(RedisSettings settings) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(settings.idleTimeout());
            repository.setRedisKeyNamespace(settings.sessionNamespace());
        };
    }

    /**
     * While the connection to Redis is down, commands fail at once instead of queueing until the command
     * timeout: the 503 page comes in milliseconds, and nothing piles up in memory. A Redis that is
     * connected but silent still fails at the command timeout (spring.data.redis.timeout).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Every request shares one Redis connection, read by one Lettuce I/O thread. By default Lettuce hands each
     * reply to its subscriber on that thread, so the rest of the request (security filters, the page
     * rendering) ran there too, and every other request's reply waited behind it; a slow or stalled
     * subscriber of the reactive stream could hold up the whole connection. Rare 1 s command timeouts on a
     * quiet machine (a session HGETALL, never slow in Redis's slow log) pointed there. Replies are now
     * handed over on Lettuce's computation threads and the I/O thread only reads.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer repliesOffTheIoThread() {
        return options -> options.publishOnScheduler(true);
    }

    /**
     * Lettuce reconnects by itself, but its waits between attempts grow to 30 s: after a long outage the
     * instance would stay unavailable for up to 30 s after Redis returned. At most 1 s instead.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectWithinASecond() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }

    /** Counted in the background; bootstrap turns the count into the {@code vestibule_sessions_active} gauge. */
    @Bean(destroyMethod = "close")
    RedisActiveSessions activeSessions(ReactiveStringRedisTemplate redis, RedisSettings settings) {
        var activeSessions = new RedisActiveSessions(redis, settings.sessionNamespace(), settings.activeCountEvery());
        activeSessions.start();
        return activeSessions;
    }

    /** Bucket4j speaks Lettuce directly; it shares Boot's client (same host, pool of event loops, timeouts). */
    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> throttlingRedisConnection(LettuceConnectionFactory connectionFactory) {
        RedisClient client = (RedisClient) connectionFactory.getNativeClient();
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Bean
    AttemptLimiter attemptLimiter(
            StatefulRedisConnection<String, byte[]> throttlingRedisConnection, RedisSettings settings) {
        return RedisAttemptLimiter.on(throttlingRedisConnection, settings.throttlingKeyPrefix());
    }

    /**
     * What the web sessions are stored through: writes only what changed, and the last access at a bounded
     * rate; a Redis outage reaches the pages as the domain's outage (503), not as a Lettuce exception (500).
     */
    @Bean
    @Primary
    ReactiveSessionRepository<? extends Session> sparingSessionRepository(
            ReactiveRedisSessionRepository sessionRepository,
            ReactiveStringRedisTemplate redis,
            RedisSettings settings) {
        return translatingOutages(SparingSessionRepository.decorating(
                SignedInIndexingSessionRepository.decorating(
                        sessionRepository, redis, settings.sessionNamespace(), settings.idleTimeout()),
                SparingSessionRepository.writeIntervalFor(settings.idleTimeout())));
    }

    /**
     * The sessions page's registry: a user's sessions from the per-user index that the repository above
     * keeps (see {@link SignedInIndexingSessionRepository} for why an index rather than Spring Session's
     * indexed repository), read and deleted through Spring Session's plain repository.
     */
    @Bean
    SignedInSessions signedInSessions(
            ReactiveRedisSessionRepository sessionRepository,
            ReactiveStringRedisTemplate redis,
            RedisSettings settings) {
        return new RedisSignedInSessions(translatingOutages(sessionRepository), redis, settings.sessionNamespace());
    }

    private static <S extends Session> ReactiveSessionRepository<S> translatingOutages(
            ReactiveSessionRepository<S> sessions) {
        return new OutageTranslatingSessionRepository<>(sessions);
    }

    /**
     * Opens the shared Redis connection at startup, before the server accepts requests. Left to itself,
     * Lettuce opens it on first use, and waits for it there: on the event loop of the first request.
     * Redis being down at startup is not fatal; the connection is then opened by the first use after all.
     */
    @Bean
    SmartInitializingSingleton connectToRedisAtStartup(LettuceConnectionFactory connectionFactory) {
        return () -> {
            // Closing hands the shared connection back; it stays open for the requests.
            try (AutoCloseable connection = connectionFactory.getReactiveConnection()) {
                log.debug("Connected to Redis: {}", connection);
            } catch (Exception unreachable) {
                log.warn(
                        "Redis is not reachable at startup; sessions will connect on first use: {}",
                        unreachable.getMessage());
            }
        };
    }
}
