package dev.vestibule.adapters.redis.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * Saves a session only when something in it changed, or when its stored last-access time is older than
 * the write interval. Spring Session otherwise writes every session back on every request, just to move
 * its last-access time (and the key's expiry) forward: a Redis write per page view.
 *
 * <p>The price is bounded: an idle session ends between {@code idleTimeout - writeInterval} and
 * {@code idleTimeout} after its last request, never later. An active session keeps being extended,
 * because a request made more than {@code writeInterval} after the last write always writes.
 *
 * <p>A session with no attributes is never stored: it holds nothing worth a key in Redis, and one stored
 * per anonymous request let visitors fill the store (300 requests made 300 sessions). One that was stored
 * and has been emptied (its sign-in forgotten) is deleted instead of written back.
 *
 * @param <S> the sessions of the decorated repository
 */
public final class SparingSessionRepository<S extends Session>
        implements ReactiveSessionRepository<SparingSessionRepository.TrackedSession<S>> {

    private final ReactiveSessionRepository<S> sessions;
    private final Duration writeInterval;

    /**
     * @param writeInterval how stale the stored last-access time may become before a request that changed
     *                      nothing else writes it anyway
     */
    public SparingSessionRepository(ReactiveSessionRepository<S> sessions, Duration writeInterval) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.writeInterval = Objects.requireNonNull(writeInterval, "writeInterval");
    }

    /** Decorates a repository whose session type cannot be named (Spring Session's Redis one is package-private). */
    public static SparingSessionRepository<?> decorating(
            ReactiveSessionRepository<? extends Session> sessions, Duration writeInterval) {
        return new SparingSessionRepository<>(sessions, writeInterval);
    }

    /** A tenth of the idle timeout, at most a minute: an idle session may end at most that much early. */
    public static Duration writeIntervalFor(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    @Override
    public Mono<TrackedSession<S>> createSession() {
        return sessions.createSession().map(session -> new TrackedSession<>(session, null));
    }

    @Override
    public Mono<TrackedSession<S>> findById(String id) {
        return sessions.findById(id).map(session -> new TrackedSession<>(session, session.getLastAccessedTime()));
    }

    @Override
    public Mono<Void> save(TrackedSession<S> session) {
        if (session.getAttributeNames().isEmpty()) {
            return session.storedLastAccess == null ? Mono.empty() : sessions.deleteById(session.loadedId);
        }
        if (session.needsSaving(writeInterval)) {
            return sessions.save(session.session);
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return sessions.deleteById(id);
    }

    /**
     * A session that remembers whether anything but its last-access time changed since it was loaded.
     *
     * @param <S> the decorated session
     */
    public static final class TrackedSession<S extends Session> implements Session {

        private final S session;
        /** The last access as stored; null for a session created by this request. */
        private final Instant storedLastAccess;
        /** The id it was stored under, whatever it has been changed to since. */
        private final String loadedId;

        private boolean changed;

        private TrackedSession(S session, Instant storedLastAccess) {
            this.session = session;
            this.storedLastAccess = storedLastAccess;
            this.loadedId = session.getId();
            this.changed = storedLastAccess == null;
        }

        private boolean needsSaving(Duration writeInterval) {
            return changed || !session.getLastAccessedTime().isBefore(storedLastAccess.plus(writeInterval));
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            if (session.getAttribute(attributeName) != null) {
                changed = true;
            }
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(session.getMaxInactiveInterval())) {
                changed = true;
            }
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
