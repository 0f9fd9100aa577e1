package dev.vestibule.adapters.redis.session;

import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link SignedInSessions} registry on Redis: the user's session ids from the per-user index that
 * {@link SignedInIndexingSessionRepository} keeps, each read through Spring Session's repository (so an
 * expired or deleted one is simply absent, and pruned from the index). Ending deletes the session key:
 * every instance reads sessions from Redis on each request, so the browser is signed out at its next
 * request wherever it lands.
 */
public final class RedisSignedInSessions implements SignedInSessions {

    private final ReactiveSessionRepository<? extends Session> sessions;
    private final ReactiveStringRedisTemplate redis;
    private final String sessionNamespace;

    public RedisSignedInSessions(
            ReactiveSessionRepository<? extends Session> sessions,
            ReactiveStringRedisTemplate redis,
            String sessionNamespace) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.sessionNamespace = Objects.requireNonNull(sessionNamespace, "sessionNamespace");
    }

    @Override
    public Flux<SignedInSession> of(UserId user) {
        return live(user).map(found -> found.session);
    }

    @Override
    public Mono<Boolean> end(UserId user, Handle session) {
        return endWhere(user, found -> found.session.handle().equals(session)).map(ended -> ended > 0);
    }

    @Override
    public Mono<Long> endAllBut(UserId user, Handle keep) {
        Objects.requireNonNull(keep, "keep");
        return endWhere(user, found -> !found.session.handle().equals(keep));
    }

    @Override
    public Mono<Long> endAll(UserId user) {
        return endWhere(user, found -> true);
    }

    @Override
    public Mono<Long> endOpenedBy(UserId user, Handle series) {
        Objects.requireNonNull(series, "series");
        return endWhere(user, found -> found.session.rememberedBrowser().equals(Optional.of(series)));
    }

    private Mono<Long> endWhere(UserId user, Predicate<Found> which) {
        String key = SignedInIndexingSessionRepository.indexKey(sessionNamespace, user.toString());
        return live(user)
                .filter(which)
                .concatMap(found -> sessions.deleteById(found.id)
                        .then(redis.opsForSet().remove(key, found.id))
                        .thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** The user's sessions that still exist and still name the user; the others leave the index. */
    private Flux<Found> live(UserId user) {
        String key = SignedInIndexingSessionRepository.indexKey(sessionNamespace, user.toString());
        return redis.opsForSet()
                .members(key)
                .concatMap(id -> sessions.findById(id)
                        .<Found>mapNotNull(session -> describe(id, session, user))
                        .switchIfEmpty(Mono.defer(
                                () -> redis.opsForSet().remove(key, id).then(Mono.empty()))));
    }

    private static Found describe(String id, Session session, UserId user) {
        if (!user.toString().equals(session.getAttribute(SessionAttributes.USER_ID)) || session.isExpired()) {
            return null;
        }
        return new Found(
                id,
                SignedInSession.fromAttributes(
                        id, user, session::getAttribute, session.getCreationTime(), session.getLastAccessedTime()));
    }

    private record Found(String id, SignedInSession session) {}
}
