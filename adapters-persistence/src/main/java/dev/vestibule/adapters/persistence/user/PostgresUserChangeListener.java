package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.model.user.UserId;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Hears every change to a user from PostgreSQL and evicts that user from this instance's {@link UserCache}.
 * The triggers of migration V3 notify {@value #CHANNEL} with the user's id; this listens on a connection of
 * its own, outside the pool, for as long as the instance runs.
 *
 * <p>The cache is trusted only while this listener is known to hear everything. The proof is a heartbeat:
 * every {@code heartbeatEvery}, a notification to itself on a channel only it listens to, which must come
 * back within {@code answerWithin}. PostgreSQL delivers notifications in commit order, so the echo comes
 * after every change committed before it: each echo renews the cache's trust for
 * {@code heartbeatEvery + answerWithin}, and a connection that died silently costs at most that long. The
 * echo also proves that notifications reach this session at all, which a connection pooler in transaction
 * mode would break while queries still succeed. The cache resumes once both channels are listened to and a
 * first echo came back (starting empty: changes made before may have gone unheard), and is suspended the
 * moment anything goes wrong: the connection ends (PostgreSQL restarted, the backend terminated), the
 * notifications fail, or an echo is late. It reconnects by itself, waiting {@code firstRetryAfter}, doubling
 * up to {@code maxRetryAfter} between attempts.
 *
 * <p>Logs one INFO line when it listens, one WARN line when it stops (and none for each failed retry).
 */
public final class PostgresUserChangeListener implements AutoCloseable {

    /** The channel the triggers of migration V3 notify, with a user id or {@value #EVERYONE} as payload. */
    static final String CHANNEL = "vestibule_user_changed";

    /** The payload that names no user: every user may have changed (a TRUNCATE). */
    static final String EVERYONE = "*";

    private static final Logger log = LoggerFactory.getLogger(PostgresUserChangeListener.class);
    /** Connecting takes a few round trips; a host that accepts the connection and then falls silent must not hold up the retries. */
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(2);

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(1);
    private static final String HEARTBEAT = "SELECT pg_notify($1, $2)";

    private final PostgresqlConnectionFactory connections;
    private final UserCache cache;
    private final Timings timings;
    private final String heartbeatChannel = "vestibule_user_cache_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final AtomicLong beats = new AtomicLong();
    private Disposable running;
    private volatile boolean listening;
    private volatile int failedAttempts;
    private volatile long downSinceNanos;
    private volatile boolean everDown;

    /**
     * @param heartbeatEvery   how often the listening connection must prove that it hears notifications
     * @param answerWithin     how long {@code LISTEN} or a heartbeat's echo may take before the connection counts as dead
     * @param firstRetryAfter  the wait before the first reconnection attempt, doubled after each failed one
     * @param maxRetryAfter    the longest wait between reconnection attempts
     */
    public record Timings(
            Duration heartbeatEvery, Duration answerWithin, Duration firstRetryAfter, Duration maxRetryAfter) {

        /** A change is heard, or the cache is off, within about a second. */
        public static final Timings DEFAULT = new Timings(
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(1));

        public Timings {
            for (Duration duration : new Duration[] {heartbeatEvery, answerWithin, firstRetryAfter, maxRetryAfter}) {
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("listener timings must be positive: " + duration);
                }
            }
        }

        /** How long an answered heartbeat vouches for the cache: until the next one is overdue. */
        Duration trust() {
            return heartbeatEvery.plus(answerWithin);
        }
    }

    public PostgresUserChangeListener(PostgresqlConnectionFactory connections, UserCache cache, Timings timings) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /** Starts listening in the background; the cache stays off until it listens and its first heartbeat came back. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        running = Mono.defer(this::listenOnce)
                .doOnError(this::failed)
                .retryWhen(Retry.from(failures -> failures.concatMap(failure -> Mono.delay(retryDelay()))))
                .subscribe(null, unexpected -> log.error("The user change listener stopped for good", unexpected));
    }

    /** Stops listening; the cache serves nothing from now on. */
    @Override
    public synchronized void close() {
        if (running != null) {
            running.dispose();
            running = null;
        }
        listening = false;
        cache.suspend();
    }

    /** One connection's life: it ends only in failure, after the connection was closed. */
    private Mono<Void> listenOnce() {
        Mono<PostgresqlConnection> connected = connections
                .create()
                .timeout(
                        CONNECT_WITHIN,
                        Mono.error(() ->
                                new ListenerFailure("no connection within " + CONNECT_WITHIN.toMillis() + " ms")));
        return Mono.usingWhen(
                connected,
                connection -> listenOn(connection).doOnError(failure -> cache.suspend()),
                PostgresUserChangeListener::closeQuietly,
                (connection, failure) -> closeQuietly(connection),
                PostgresUserChangeListener::closeQuietly);
    }

    private Mono<Void> listenOn(PostgresqlConnection connection) {
        Sinks.Many<String> echoes = Sinks.many().multicast().directBestEffort();
        // Subscribed first (Mono.when subscribes in order): the driver drops notifications nobody takes.
        Mono<Void> notifications = connection
                .getNotifications()
                .doOnNext(notification -> heard(notification, echoes))
                .then(Mono.error(() -> new ListenerFailure("the connection ended")));
        Mono<Void> listenThenBeat = answered(connection, "LISTEN " + CHANNEL + "; LISTEN " + heartbeatChannel)
                .then(heartbeat(connection, echoes))
                .then(Mono.fromRunnable(this::listening))
                .then(heartbeats(connection, echoes));
        return Mono.when(notifications, listenThenBeat);
    }

    private Mono<Void> heartbeats(PostgresqlConnection connection, Sinks.Many<String> echoes) {
        return Mono.delay(timings.heartbeatEvery())
                .then(heartbeat(connection, echoes))
                .doOnSuccess(echoed -> cache.renew(timings.trust()))
                .repeat()
                .then();
    }

    /** A notification to itself, done once it came back. */
    private Mono<Void> heartbeat(PostgresqlConnection connection, Sinks.Many<String> echoes) {
        return Mono.defer(() -> {
            String beat = Long.toString(beats.incrementAndGet());
            // Waiting before sending: the echo may come back before the statement's own answer.
            Mono<String> echo = echoes.asFlux().filter(beat::equals).next();
            Mono<Void> sent = connection
                    .createStatement(HEARTBEAT)
                    .bind("$1", heartbeatChannel)
                    .bind("$2", beat)
                    .execute()
                    .flatMap(PostgresqlResult::getRowsUpdated)
                    .then();
            return Mono.when(echo, sent)
                    .timeout(
                            timings.answerWithin(),
                            Mono.error(() -> new ListenerFailure("its heartbeat notification did not come back within "
                                    + timings.answerWithin().toMillis() + " ms")));
        });
    }

    private Mono<Void> answered(PostgresqlConnection connection, String sql) {
        return connection
                .createStatement(sql)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then()
                .timeout(
                        timings.answerWithin(),
                        Mono.error(() -> new ListenerFailure("no answer to " + sql + " within "
                                + timings.answerWithin().toMillis() + " ms")));
    }

    private void heard(Notification notification, Sinks.Many<String> echoes) {
        if (heartbeatChannel.equals(notification.getName())) {
            echoes.tryEmitNext(String.valueOf(notification.getParameter()));
            return;
        }
        if (!CHANNEL.equals(notification.getName())) {
            return;
        }
        String payload = notification.getParameter();
        if (payload != null && !EVERYONE.equals(payload)) {
            try {
                cache.evict(UserId.parse(payload));
                return;
            } catch (IllegalArgumentException notAnId) {
                log.debug("Notification on {} with a payload that is no user id; forgetting every user", CHANNEL);
            }
        }
        cache.evictAll();
    }

    private void listening() {
        cache.resume(timings.trust());
        if (everDown) {
            log.info(
                    "User cache on again: listening for user changes in PostgreSQL after {} ms off ({} reconnection attempt(s))",
                    (System.nanoTime() - downSinceNanos) / 1_000_000,
                    failedAttempts);
        } else {
            log.info("User cache on: listening for user changes in PostgreSQL (channel {})", CHANNEL);
        }
        listening = true;
        failedAttempts = 0;
    }

    private void failed(Throwable failure) {
        cache.suspend();
        failedAttempts++;
        if (listening || !everDown) {
            listening = false;
            everDown = true;
            downSinceNanos = System.nanoTime();
            log.warn(
                    "User cache off: not listening for user changes in PostgreSQL ({}); every signed-in request "
                            + "loads its user from the database until the listener is back",
                    describe(failure));
        } else {
            log.debug("Listening for user changes failed again ({})", describe(failure));
        }
    }

    private Duration retryDelay() {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 16);
        Duration delay = timings.firstRetryAfter().multipliedBy(1L << doublings);
        return delay.compareTo(timings.maxRetryAfter()) > 0 ? timings.maxRetryAfter() : delay;
    }

    private static Mono<Void> closeQuietly(PostgresqlConnection connection) {
        return connection.close().timeout(CLOSE_WITHIN).onErrorResume(failure -> Mono.empty());
    }

    /** Class and message only: the driver's messages name the server, never credentials; no stack trace. */
    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The listening connection can no longer be trusted to deliver every notification. */
    private static final class ListenerFailure extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        ListenerFailure(String message) {
            super(message, null, false, false);
        }
    }
}
