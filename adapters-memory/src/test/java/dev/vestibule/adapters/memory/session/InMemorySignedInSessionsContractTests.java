package dev.vestibule.adapters.memory.session;

import dev.vestibule.application.fakes.SignedInSessionsContract;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/** The embedded default's registry: the session map Spring Session's in-memory repository keeps. */
class InMemorySignedInSessionsContractTests extends SignedInSessionsContract {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final InMemorySignedInSessions registry = new InMemorySignedInSessions(sessions);

    @Override
    protected SignedInSessions registry() {
        return registry;
    }

    @Override
    protected String signIn(UserId user, Map<String, String> attributes) {
        MapSession session = new MapSession();
        attributes.forEach(session::setAttribute);
        session.setAttribute(SessionAttributes.USER_ID, user.toString());
        sessions.put(session.getId(), session);
        return session.getId();
    }

    @Override
    protected boolean exists(String sessionId) {
        return sessions.containsKey(sessionId);
    }
}
