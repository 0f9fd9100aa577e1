package dev.vestibule.adapters.redis.session;

import dev.vestibule.adapters.redis.RedisOutages;
import java.time.Duration;
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
 *
 * <p>Reading a session, the first thing every request with a cookie does, is tried twice with
 * {@link #READ_ATTEMPT} each. Now and then (once in each of two CI runs, and a few page views of some
 * benchmark runs, with the machine's local Redis idle) one command never got its answer and the page was a
 * false 503 after Lettuce's 1 s command timeout, while the next command on the same connection answered at
 * once; the cause is not found (Redis's slow log shows nothing). A read is safe to repeat, and two attempts
 * keep a Redis that is really gone within the same second as before.
 */
public final class OutageTranslatingSessionRepository<S extends Session> implements ReactiveSessionRepository<S> {

    /** How long one attempt to read a session may take: far above a healthy Redis, half the page's outage budget. */
    static final Duration READ_ATTEMPT = Duration.ofMillis(500);

    private final ReactiveSessionRepository<S> delegate;
    private final Set<Session> failedToSave =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
        return RedisOutages.translate(
                Mono.defer(() -> delegate.findById(id)).timeout(READ_ATTEMPT).retry(1));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return RedisOutages.translate(delegate.deleteById(id));
    }
}
