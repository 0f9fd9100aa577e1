package dev.vestibule.adapters.redis.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.application.fakes.SignedInSessionsContract;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry on the machine's Redis, with sessions written as production writes them: Spring Session's
 * plain repository behind the indexing decorator (and the sparing one in front of it).
 */
class RedisSignedInSessionsIT extends SignedInSessionsContract {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static LettuceConnectionFactory connections;
    private static ReactiveRedisSessionRepository plain;
    private static ReactiveSessionRepository<? extends Session> written;
    private static RedisSignedInSessions registry;
    private static String namespace;

    @BeforeAll
    static void connect() {
        RedisTestServer redis = RedisTestServer.shared();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        RedisSerializer<Object> json =
                new GenericJacksonJsonRedisSerializer(JsonMapper.builder().build());
        ReactiveRedisTemplate<String, Object> sessionTemplate = new ReactiveRedisTemplate<>(
                connections,
                RedisSerializationContext.<String, Object>newSerializationContext(RedisSerializer.string())
                        .value(json)
                        .hashKey(RedisSerializer.string())
                        .hashValue(json)
                        .build());
        ReactiveStringRedisTemplate strings = new ReactiveStringRedisTemplate(connections);
        namespace = redis.sessionNamespace() + "-registry";
        plain = new ReactiveRedisSessionRepository(sessionTemplate);
        plain.setRedisKeyNamespace(namespace);
        plain.setDefaultMaxInactiveInterval(IDLE);
        written = SparingSessionRepository.decorating(
                SignedInIndexingSessionRepository.decorating(plain, strings, namespace, IDLE),
                SparingSessionRepository.writeIntervalFor(IDLE));
        registry = new RedisSignedInSessions(plain, strings, namespace);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Override
    protected SignedInSessions registry() {
        return registry;
    }

    @Override
    protected String signIn(UserId user, Map<String, String> attributes) {
        return signIn(written, user, attributes);
    }

    private static <S extends Session> String signIn(
            ReactiveSessionRepository<S> repository, UserId user, Map<String, String> attributes) {
        S session = repository.createSession().block(Duration.ofSeconds(5));
        attributes.forEach(session::setAttribute);
        session.setAttribute(SessionAttributes.USER_ID, user.toString());
        repository.save(session).block(Duration.ofSeconds(5));
        return session.getId();
    }

    private static <S extends Session> void resign(ReactiveSessionRepository<S> repository, String id) {
        Session session = repository.findById(id).block(Duration.ofSeconds(5));
        session.setAttribute(SessionAttributes.USER_ID, UserId.random().toString());
        @SuppressWarnings("unchecked")
        S same = (S) session;
        repository.save(same).block(Duration.ofSeconds(5));
    }

    @Override
    protected boolean exists(String sessionId) {
        return !RedisTestServer.shared()
                .keysMatching(namespace + ":sessions:" + sessionId)
                .isEmpty();
    }

    @Test
    void theIndexIsOneSetPerUserThatExpiresWithItsSessions() {
        UserId alice = UserId.random();
        String id = signIn(alice, Map.of());

        String key = namespace + ":signed-in:" + alice;
        assertThat(RedisTestServer.shared().commands().smembers(key)).containsExactly(id);
        assertThat(RedisTestServer.shared().commands().ttl(key)).isBetween(IDLE.toSeconds() - 5, IDLE.toSeconds());
    }

    @Test
    void aSessionThatExpiredOrWasDeletedLeavesTheIndexAtTheNextListing() {
        UserId alice = UserId.random();
        String gone = signIn(alice, Map.of());
        String kept = signIn(alice, Map.of());
        plain.deleteById(gone).block(Duration.ofSeconds(5));

        StepVerifier.create(registry.of(alice).map(session -> session.handle()))
                .expectNext(Handle.of(kept))
                .verifyComplete();
        assertThat(RedisTestServer.shared().commands().smembers(namespace + ":signed-in:" + alice))
                .containsExactly(kept);
    }

    @Test
    void aSessionWhoseUserWasSignedOutIsNotListed() {
        UserId alice = UserId.random();
        String id = signIn(alice, Map.of());
        signIn(UserId.random(), Map.of());
        // The same session now signed in as someone else (a sign-out and a new sign-in keep the id).
        resign(plain, id);

        StepVerifier.create(registry.of(alice)).verifyComplete();
        StepVerifier.create(registry.endAll(alice)).expectNext(0L).verifyComplete();
        assertThat(exists(id)).as("another user's session is never ended").isTrue();
    }
}
