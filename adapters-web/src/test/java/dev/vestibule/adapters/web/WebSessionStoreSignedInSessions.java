package dev.vestibule.adapters.web;

import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session registry of the web slice tests: a scan of the sessions WebFlux's default in-memory store
 * holds (production uses Spring Session's, in adapters-memory and adapters-redis), so the sessions pages
 * see the very sessions these tests' browsers sign in with.
 */
final class WebSessionStoreSignedInSessions implements SignedInSessions {

    private final ObjectProvider<WebSessionManager> sessionManager;

    WebSessionStoreSignedInSessions(ObjectProvider<WebSessionManager> sessionManager) {
        this.sessionManager = sessionManager;
    }

    @Override
    public Flux<SignedInSession> of(UserId user) {
        return Flux.defer(() -> Flux.fromIterable(mine(user)).map(session -> describe(session, user)));
    }

    @Override
    public Mono<Boolean> end(UserId user, Handle session) {
        return endWhere(user, described -> described.handle().equals(session)).map(ended -> ended > 0);
    }

    @Override
    public Mono<Long> endAllBut(UserId user, Handle keep) {
        return endWhere(user, described -> !described.handle().equals(keep));
    }

    @Override
    public Mono<Long> endAll(UserId user) {
        return endWhere(user, described -> true);
    }

    @Override
    public Mono<Long> endOpenedBy(UserId user, Handle series) {
        return endWhere(user, described -> described.rememberedBrowser().equals(Optional.of(series)));
    }

    private Mono<Long> endWhere(UserId user, Predicate<SignedInSession> which) {
        return Flux.defer(() -> Flux.fromIterable(mine(user)))
                .filter(session -> which.test(describe(session, user)))
                .concatMap(session -> store().removeSession(session.getId()).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    private List<WebSession> mine(UserId user) {
        Map<String, WebSession> sessions = store().getSessions();
        return sessions.values().stream()
                .filter(session -> user.toString().equals(session.getAttribute(SessionAttributes.USER_ID)))
                .toList();
    }

    private static SignedInSession describe(WebSession session, UserId user) {
        return SignedInSession.fromAttributes(
                session.getId(), user, session::getAttribute, session.getCreationTime(), session.getLastAccessTime());
    }

    private InMemoryWebSessionStore store() {
        return (InMemoryWebSessionStore) ((DefaultWebSessionManager) sessionManager.getObject()).getSessionStore();
    }
}
