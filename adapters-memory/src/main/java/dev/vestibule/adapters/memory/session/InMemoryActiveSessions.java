package dev.vestibule.adapters.memory.session;

import java.util.Map;
import java.util.Objects;
import org.springframework.session.Session;

/** The sessions of a single instance that keeps them in memory: the unexpired entries of its map. */
public final class InMemoryActiveSessions {

    private final Map<String, Session> sessions;

    public InMemoryActiveSessions(Map<String, Session> sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** Sessions that have not expired, signed in or not. */
    public double count() {
        // The map drops an expired session only when it is asked for it again; expired ones are not active.
        return sessions.values().stream()
                .filter(session -> !session.isExpired())
                .count();
    }
}
