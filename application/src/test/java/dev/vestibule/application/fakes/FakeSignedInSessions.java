package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link SignedInSessions} registry over a map of session id to attributes, as a session store keeps
 * them. Tests sign sessions in with {@link #signIn} and ask {@link #isLive} whether one was ended.
 */
public final class FakeSignedInSessions implements SignedInSessions {

    private final Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
    private final Instant createdAt = Instant.parse("2026-01-05T10:00:00Z");

    /** Test hook: a session signed in for {@code user} with these attributes besides the user id; its id. */
    public synchronized String signIn(UserId user, Map<String, String> attributes) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> stored = new LinkedHashMap<>(attributes);
        stored.put(SessionAttributes.USER_ID, user.toString());
        sessions.put(id, stored);
        return id;
    }

    public synchronized boolean isLive(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    @Override
    public Flux<SignedInSession> of(UserId user) {
        return Flux.defer(() -> Flux.fromIterable(snapshot(user)));
    }

    @Override
    public Mono<Boolean> end(UserId user, Handle session) {
        return endWhere(user, described -> described.handle().equals(session)).map(ended -> ended > 0);
    }

    @Override
    public Mono<Long> endAllBut(UserId user, Handle keep) {
        Objects.requireNonNull(keep, "keep");
        return endWhere(user, described -> !described.handle().equals(keep));
    }

    @Override
    public Mono<Long> endAll(UserId user) {
        return endWhere(user, described -> true);
    }

    @Override
    public Mono<Long> endOpenedBy(UserId user, Handle series) {
        Objects.requireNonNull(series, "series");
        return endWhere(user, described -> described.rememberedBrowser().equals(Optional.of(series)));
    }

    private synchronized List<SignedInSession> snapshot(UserId user) {
        return sessions.entrySet().stream()
                .filter(entry -> user.toString().equals(entry.getValue().get(SessionAttributes.USER_ID)))
                .map(entry -> describe(entry.getKey(), entry.getValue(), user))
                .toList();
    }

    private Mono<Long> endWhere(UserId user, Predicate<SignedInSession> which) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = sessions.size();
                sessions.entrySet()
                        .removeIf(
                                entry -> user.toString().equals(entry.getValue().get(SessionAttributes.USER_ID))
                                        && which.test(describe(entry.getKey(), entry.getValue(), user)));
                return before - sessions.size();
            }
        });
    }

    private SignedInSession describe(String id, Map<String, Object> attributes, UserId user) {
        return SignedInSession.fromAttributes(id, user, attributes::get, createdAt, createdAt);
    }
}
