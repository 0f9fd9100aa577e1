package dev.vestibule.adapters.web.edge;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator about connections closed for a late request head, at most once a minute: a slowloris attack
 * opens thousands, and a warning each would flood the log (and its disk) for the attacker. The first one is logged
 * at once; the ones after it are counted and reported with the next warning, at least a minute later.
 */
final class SlowClientLog {

    static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SlowClientLog.class);

    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastWarning;

    SlowClientLog(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    SlowClientLog(Duration timeout, LongSupplier nanoTime) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.lastWarning = new AtomicLong(nanoTime.getAsLong() - WARN_AT_MOST_EVERY.toNanos());
    }

    /** One connection closed because its request head did not arrive in time. */
    void closed(SocketAddress client) {
        unreported.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastWarning.get();
        if (now - last >= WARN_AT_MOST_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            long reported = unreported.getAndSet(0);
            log.warn(
                    "Closed {} connection(s) whose request head did not arrive within {} (latest from {}); "
                            + "more are counted and reported at most once every {}",
                    reported,
                    timeout.toMillis() + " ms",
                    address(client),
                    WARN_AT_MOST_EVERY.toSeconds() + " s");
        } else {
            log.debug(
                    "Closed a connection from {}: request head not complete within {} ms",
                    address(client),
                    timeout.toMillis());
        }
    }

    private static String address(SocketAddress client) {
        return client instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(client);
    }
}
