package dev.vestibule.adapters.memory.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * The sessions of a single instance, in its memory, with limits that Spring's map repository lacks: it
 * dropped an expired session only when that very session was asked for again, so sessions nobody came back
 * for stayed on the heap (2,000 anonymous requests left 2,014 session objects). Here:
 *
 * <ul>
 *   <li>a session holding no attributes is never stored (a visitor has nothing to keep), and one emptied
 *       since it was stored is removed;
 *   <li>expired sessions are swept away every {@code sweepEvery}, on a thread of the sweep's own, never on
 *       an event loop;
 *   <li>at most {@code maxSessions} are kept: a new session beyond the bound first sweeps the expired, then
 *       pushes out the session used least recently (logged, at most once a minute). The bound is approximate
 *       by the few sessions saved at the same moment.
 * </ul>
 */
public final class BoundedSessionRepository implements ReactiveSessionRepository<MapSession>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoundedSessionRepository.class);
    private static final long EVICTION_LOG_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Map<String, Session> sessions;
    private final ReactiveMapSessionRepository map;
    private final int maxSessions;
    private final Clock clock;
    private final AtomicLong lastEvictionLog = new AtomicLong(Long.MIN_VALUE / 2);
    private ScheduledExecutorService sweeper;

    /**
     * @param sessions    the map the other in-memory parts (the sessions page, the gauge) read
     * @param idleTimeout how long a session lives without a request
     * @param maxSessions how many sessions are kept at most
     */
    public BoundedSessionRepository(Map<String, Session> sessions, Duration idleTimeout, int maxSessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxSessions < 1) {
            throw new IllegalArgumentException(
                    "vestibule.session.memory-max-sessions must be at least 1, was " + maxSessions);
        }
        this.maxSessions = maxSessions;
        this.map = new ReactiveMapSessionRepository(sessions);
        this.map.setDefaultMaxInactiveInterval(idleTimeout);
    }

    /** Starts the sweep of expired sessions, every {@code every}. */
    public synchronized void startSweeping(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("vestibule.session.memory-sweep-every must be positive, was " + every);
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vestibule-session-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    @Override
    public Mono<MapSession> createSession() {
        return map.createSession();
    }

    @Override
    public Mono<Void> save(MapSession session) {
        if (session.getAttributeNames().isEmpty()) {
            return Mono.fromRunnable(() -> {
                sessions.remove(session.getOriginalId());
                sessions.remove(session.getId());
            });
        }
        return Mono.fromRunnable(() -> makeRoomFor(session)).then(map.save(session));
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return map.findById(id);
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return map.deleteById(id);
    }

    /** How many sessions are stored, expired or not (what the heap holds). */
    public int size() {
        return sessions.size();
    }

    /** Removes every expired session; the number removed. */
    public int sweepExpired() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(session -> hasExpired(session, now));
        return Math.max(0, before - sessions.size());
    }

    private void sweepQuietly() {
        try {
            sweepExpired();
        } catch (RuntimeException unexpected) {
            log.warn("Sweeping expired sessions failed; the next sweep tries again", unexpected);
        }
    }

    private void makeRoomFor(MapSession session) {
        if (sessions.containsKey(session.getOriginalId()) || sessions.size() < maxSessions) {
            return;
        }
        sweepExpired();
        while (sessions.size() >= maxSessions) {
            var leastRecentlyUsed = sessions.entrySet().stream()
                    .min(Comparator.comparing(entry -> entry.getValue().getLastAccessedTime()));
            if (leastRecentlyUsed.isEmpty()) {
                return;
            }
            sessions.remove(
                    leastRecentlyUsed.get().getKey(), leastRecentlyUsed.get().getValue());
            long now = clock.millis();
            long last = lastEvictionLog.get();
            if (now - last >= EVICTION_LOG_EVERY_MILLIS && lastEvictionLog.compareAndSet(last, now)) {
                log.warn(
                        "The in-memory session store is full ({} sessions, vestibule.session.memory-max-sessions):"
                                + " the least recently used session was ended to make room",
                        maxSessions);
            }
        }
    }

    private static boolean hasExpired(Session session, Instant now) {
        Duration idle = session.getMaxInactiveInterval();
        return !idle.isNegative() && !now.isBefore(session.getLastAccessedTime().plus(idle));
    }
}
