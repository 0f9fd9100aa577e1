package dev.vestibule.adapters.redis.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.Session;

class SparingSessionRepositoryTests {

    private static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentHashMap<String, Session> stored = new ConcurrentHashMap<>();
    private final ReactiveMapSessionRepository sessions = new ReactiveMapSessionRepository(stored);
    private final SparingSessionRepository<MapSession> sparing =
            new SparingSessionRepository<>(sessions, WRITE_INTERVAL);

    @Test
    void writeIntervalIsATenthOfTheIdleTimeoutAndAtMostAMinute() {
        assertThat(SparingSessionRepository.writeIntervalFor(Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SparingSessionRepository.writeIntervalFor(Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SparingSessionRepository.writeIntervalFor(Duration.ofSeconds(3)))
                .isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aNewSessionHoldingSomethingIsAlwaysSaved() {
        var created = sparing.createSession().block();
        created.setAttribute("vestibule.userId", "someone");

        sparing.save(created).block();

        assertThat(stored).containsKey(created.getId());
    }

    @Test
    void aNewSessionHoldingNothingIsNeverStored() {
        var created = sparing.createSession().block();

        sparing.save(created).block();

        assertThat(stored).isEmpty();
    }

    @Test
    void aStoredSessionThatWasEmptiedIsDeletedRatherThanWrittenBack() {
        storedSession("emptied");
        var loaded = sparing.findById("emptied").block();

        loaded.getAttributeNames().forEach(loaded::removeAttribute);
        loaded.changeSessionId();
        sparing.save(loaded).block();

        assertThat(stored).isEmpty();
    }

    @Test
    void aLoadedSessionWhoseLastAccessMovedLessThanTheIntervalIsNotWritten() {
        Instant storedAccess = storedSession("quiet");
        var loaded = sparing.findById("quiet").block();

        loaded.setLastAccessedTime(storedAccess.plus(WRITE_INTERVAL).minusMillis(1));
        sparing.save(loaded).block();

        assertThat(stored.get("quiet").getLastAccessedTime()).isEqualTo(storedAccess);
    }

    @Test
    void aLoadedSessionWhoseLastAccessMovedByTheIntervalIsWritten() {
        Instant storedAccess = storedSession("due");
        var loaded = sparing.findById("due").block();

        loaded.setLastAccessedTime(storedAccess.plus(WRITE_INTERVAL));
        sparing.save(loaded).block();

        assertThat(stored.get("due").getLastAccessedTime()).isEqualTo(storedAccess.plus(WRITE_INTERVAL));
    }

    @Test
    void aLoadedSessionWithAChangedAttributeIsWrittenAtOnce() {
        Instant storedAccess = storedSession("changed");
        var loaded = sparing.findById("changed").block();

        loaded.setLastAccessedTime(storedAccess.plusSeconds(1));
        loaded.setAttribute("vestibule.flash", "hello");
        sparing.save(loaded).block();

        assertThat(stored.get("changed").<String>getAttribute("vestibule.flash"))
                .isEqualTo("hello");
    }

    @Test
    void removingAnAttributeThatWasNeverThereChangesNothing() {
        Instant storedAccess = storedSession("untouched");
        var loaded = sparing.findById("untouched").block();

        loaded.setLastAccessedTime(storedAccess.plusSeconds(1));
        loaded.removeAttribute("vestibule.userId");
        sparing.save(loaded).block();

        assertThat(stored.get("untouched").getLastAccessedTime()).isEqualTo(storedAccess);
    }

    private Instant storedSession(String id) {
        MapSession session = new MapSession(id);
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setAttribute("vestibule.signedInAt", "2026-01-05T10:00:00Z");
        stored.put(id, session);
        return session.getLastAccessedTime();
    }
}
