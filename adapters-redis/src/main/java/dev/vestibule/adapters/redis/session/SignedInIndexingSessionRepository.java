package dev.vestibule.adapters.redis.session;

import dev.vestibule.domain.model.session.SessionAttributes;
import java.time.Duration;
import java.util.Objects;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * Keeps, next to Spring Session's plain (non-indexed) repository, a per-user index of signed-in sessions:
 * a Redis set {@code <namespace>:signed-in:<userId>} of session ids, added to whenever a session naming a
 * user is written. The sessions page lists a user's sessions from it and "log out everywhere else" ends
 * them. Ordinary page views write nothing here: {@link SparingSessionRepository} in front of this one lets
 * a save through only when the session changed (a sign-in does) or its last access is a write interval
 * old, so the index costs one SADD and one EXPIRE per written save of a signed-in session and nothing per
 * request otherwise. Ids of sessions that expired or changed their id stay in the set until the next
 * listing finds them gone; the set itself expires an idle timeout after its last write, when every
 * session in it has expired too.
 *
 * @param <S> the sessions of the decorated repository
 */
public final class SignedInIndexingSessionRepository<S extends Session> implements ReactiveSessionRepository<S> {

    private final ReactiveSessionRepository<S> sessions;
    private final ReactiveStringRedisTemplate redis;
    private final String sessionNamespace;
    private final Duration idleTimeout;

    public SignedInIndexingSessionRepository(
            ReactiveSessionRepository<S> sessions,
            ReactiveStringRedisTemplate redis,
            String sessionNamespace,
            Duration idleTimeout) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.sessionNamespace = Objects.requireNonNull(sessionNamespace, "sessionNamespace");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** Decorates a repository whose session type cannot be named (Spring Session's Redis one is package-private). */
    public static SignedInIndexingSessionRepository<?> decorating(
            ReactiveSessionRepository<? extends Session> sessions,
            ReactiveStringRedisTemplate redis,
            String sessionNamespace,
            Duration idleTimeout) {
        return new SignedInIndexingSessionRepository<>(sessions, redis, sessionNamespace, idleTimeout);
    }

    /** The index key of one user's sessions. */
    static String indexKey(String sessionNamespace, String userId) {
        return sessionNamespace + ":signed-in:" + userId;
    }

    @Override
    public Mono<S> createSession() {
        return sessions.createSession();
    }

    @Override
    public Mono<Void> save(S session) {
        return sessions.save(session).then(Mono.defer(() -> {
            if (!(session.getAttribute(SessionAttributes.USER_ID) instanceof String userId)) {
                return Mono.empty();
            }
            String key = indexKey(sessionNamespace, userId);
            return redis.opsForSet()
                    .add(key, session.getId())
                    .then(redis.expire(key, idleTimeout))
                    .then();
        }));
    }

    @Override
    public Mono<S> findById(String id) {
        return sessions.findById(id);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return sessions.deleteById(id);
    }
}
