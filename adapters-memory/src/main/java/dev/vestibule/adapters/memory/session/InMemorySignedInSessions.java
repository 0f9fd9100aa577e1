package dev.vestibule.adapters.memory.session;

import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.session.Session;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link SignedInSessions} registry of a single instance that keeps its sessions in memory: a scan of
 * the session map (a laptop's few sessions), ending a session by removing it from the map.
 */
public final class InMemorySignedInSessions implements SignedInSessions {

    private final Map<String, Session> sessions;

    public InMemorySignedInSessions(Map<String, Session> sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Flux<SignedInSession> of(UserId user) {
        return Flux.defer(() -> Flux.fromIterable(sessions.entrySet()))
                .filter(entry -> belongsTo(entry.getValue(), user))
                .map(entry -> describe(entry.getKey(), entry.getValue(), user));
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

    private Mono<Long> endWhere(UserId user, Predicate<SignedInSession> which) {
        return Mono.fromSupplier(() -> {
            long ended = 0;
            for (Map.Entry<String, Session> entry : sessions.entrySet()) {
                if (belongsTo(entry.getValue(), user)
                        && which.test(describe(entry.getKey(), entry.getValue(), user))
                        && sessions.remove(entry.getKey(), entry.getValue())) {
                    ended++;
                }
            }
            return ended;
        });
    }

    private static boolean belongsTo(Session session, UserId user) {
        return !session.isExpired() && user.toString().equals(session.getAttribute(SessionAttributes.USER_ID));
    }

    private static SignedInSession describe(String id, Session session, UserId user) {
        return SignedInSession.fromAttributes(
                id, user, session::getAttribute, session.getCreationTime(), session.getLastAccessedTime());
    }
}
