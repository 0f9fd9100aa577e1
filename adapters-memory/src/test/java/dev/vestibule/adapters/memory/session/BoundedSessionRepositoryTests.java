package dev.vestibule.adapters.memory.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/** Issue 13 finding 2: the in-memory store kept every session nobody came back for, without bound. */
class BoundedSessionRepositoryTests {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

    private final Map<String, Session> stored = new ConcurrentHashMap<>();
    private final BoundedSessionRepository sessions =
            new BoundedSessionRepository(stored, IDLE, 3, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSessionHoldingNothingIsNeverStored() {
        MapSession visitor = sessions.createSession().block();

        sessions.save(visitor).block();

        assertThat(sessions.size()).isZero();
    }

    @Test
    void aStoredSessionThatWasEmptiedIsRemoved() {
        MapSession user = signedIn(Instant.now().toString());
        MapSession loaded = sessions.findById(user.getId()).block();

        loaded.removeAttribute("vestibule.userId");
        loaded.changeSessionId();
        sessions.save(loaded).block();

        assertThat(stored).isEmpty();
    }

    @Test
    void theSweepRemovesExpiredSessionsAndKeepsTheOthers() {
        MapSession expired = signedIn("2026-12-07T19:30:00Z");
        MapSession fresh = signedIn("2026-12-07T19:45:00Z");

        int removed = sessions.sweepExpired();

        assertThat(removed).isEqualTo(1);
        assertThat(stored).containsOnlyKeys(fresh.getId()).doesNotContainKey(expired.getId());
    }

    @Test
    void aNewSessionBeyondTheBoundPushesOutTheLeastRecentlyUsed() {
        MapSession oldest = signedIn("2026-12-07T19:40:00Z");
        MapSession middle = signedIn("2026-12-07T19:50:00Z");
        MapSession newest = signedIn("2026-12-07T19:55:00Z");

        MapSession fourth = signedIn("2026-12-07T19:59:00Z");

        assertThat(stored).hasSize(3).containsOnlyKeys(middle.getId(), newest.getId(), fourth.getId());
        assertThat(stored).doesNotContainKey(oldest.getId());
    }

    @Test
    void beyondTheBoundExpiredSessionsGoFirst() {
        MapSession expired = signedIn("2026-12-07T19:00:00Z");
        MapSession kept = signedIn("2026-12-07T19:40:00Z");
        MapSession alsoKept = signedIn("2026-12-07T19:50:00Z");

        MapSession fourth = signedIn("2026-12-07T19:59:00Z");

        assertThat(stored).containsOnlyKeys(kept.getId(), alsoKept.getId(), fourth.getId());
        assertThat(stored).doesNotContainKey(expired.getId());
    }

    @Test
    void theScheduledSweepRunsByItself() throws InterruptedException {
        signedIn("2026-12-07T19:00:00Z");
        sessions.startSweeping(Duration.ofMillis(20));
        try {
            for (int i = 0; i < 100 && !stored.isEmpty(); i++) {
                Thread.sleep(10);
            }
        } finally {
            sessions.close();
        }

        assertThat(stored).isEmpty();
    }

    private MapSession signedIn(String lastAccess) {
        MapSession session = sessions.createSession().block();
        session.setAttribute("vestibule.userId", "someone");
        session.setLastAccessedTime(Instant.parse(lastAccess));
        sessions.save(session).block();
        return session;
    }
}
