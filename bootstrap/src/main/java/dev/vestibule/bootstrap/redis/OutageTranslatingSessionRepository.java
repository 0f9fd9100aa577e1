package dev.vestibule.bootstrap.redis;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * The session repository with Redis failures turned into outages. Sessions are loaded by Spring
 * Session's WebSessionManager before any controller runs, so this is the one place where a Redis
 * outage on every page can be recognised.
 *
 * <p>A session whose save failed is not saved again by the same request. Spring Security saves the
 * session when it issues a CSRF token, and the WebSessionManager saves it once more when the response
 * is committed: after the first failure the second one would fail too, this time while the 503 page is
 * being sent, and turn it into a bare 500. Session objects live for one request, so the memory of a
 * failed save ends with it (weak references).
 */
public final class OutageTranslatingSessionRepository<S extends Session> implements ReactiveSessionRepository<S> {

    private final ReactiveSessionRepository<S> delegate;
    private final Set<Session> failedToSave = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public OutageTranslatingSessionRepository(ReactiveSessionRepository<S> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Mono<S> createSession() {
        return RedisOutages.translate(delegate.createSession());
    }

    @Override
    public Mono<Void> save(S session) {
        return Mono.defer(() -> failedToSave.contains(session)
                ? Mono.empty()
                : RedisOutages.translate(delegate.save(session)).doOnError(failure -> failedToSave.add(session)));
    }

    @Override
    public Mono<S> findById(String id) {
        return RedisOutages.translate(delegate.findById(id));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return RedisOutages.translate(delegate.deleteById(id));
    }
}
