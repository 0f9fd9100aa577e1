package dev.vestibule.adapters.persistence.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * This instance's copy of recently loaded users, trusted only while it is known to hear of every change.
 *
 * <p>Trust comes from the change listener ({@link PostgresUserChangeListener}): {@link #resume} once it
 * listens, {@link #renew} each time its connection proves alive, {@link #suspend} when it fails. Trust is a
 * lease: without a renewal it lapses by itself, so a listener whose connection died silently, or whose
 * timers run late, cannot keep stale users served. While untrusted, every lookup goes to the database.
 *
 * <p>Two counters keep a value loaded before a change from being kept after it. {@code changes} moves on
 * every eviction; a load notes it before reading the database ({@link #ticket()}) and keeps its result
 * only if it has not moved since ({@link #keep}), checked and stored in one atomic step per user, so an
 * eviction of the same user either sees the stored value or prevents it. {@code epoch} moves when the
 * whole cache is dropped; each entry carries the epoch it was loaded in and is served only in that epoch,
 * so dropping everything takes effect at once, even for an entry written during the drop, and the memory
 * is freed afterwards off the caller's thread.
 */
public final class UserCache implements UserCacheStatus {

    private final Cache<UserId, Entry> entries;
    private final Ticker ticker;
    private final Executor background;
    private final AtomicLong changes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder bypasses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile long epoch;
    private volatile boolean listening;
    private volatile long trustedUntil;

    public UserCache(UserCacheSettings settings) {
        this(settings, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /**
     * @param background where Caffeine does its upkeep and where everything is dropped: both take the cache's
     *                   lock, which the event loops that call {@link #evictAll} or {@link #suspend} must not wait for
     */
    UserCache(UserCacheSettings settings, Ticker ticker, Executor background) {
        Objects.requireNonNull(settings, "settings");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.background = Objects.requireNonNull(background, "background");
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfterWrite(settings.ttl())
                .ticker(ticker)
                .executor(background)
                .build();
    }

    /** The user, when the cache holds them and may be trusted now; null means: ask the database. */
    User get(UserId id) {
        if (!serving()) {
            bypasses.increment();
            return null;
        }
        Entry entry = entries.getIfPresent(id);
        if (entry != null && entry.epoch() == epoch) {
            hits.increment();
            return entry.user();
        }
        misses.increment();
        return null;
    }

    /** To be taken before a load reads the database, and handed to {@link #keep} with its result. */
    Ticket ticket() {
        // changes before epoch: transitions move epoch first, so a ticket straddling one cannot match.
        long changesSeen = changes.get();
        return new Ticket(changesSeen, epoch);
    }

    /** Keeps a loaded user, unless anything was evicted since its ticket or the cache is not trusted. */
    void keep(Ticket ticket, User user) {
        if (!stillValid(ticket)) {
            return;
        }
        // Removing is always safe; storing only if still valid at the moment of storing.
        entries.asMap()
                .compute(user.id(), (id, current) -> stillValid(ticket) ? new Entry(user, ticket.epoch()) : null);
    }

    private boolean stillValid(Ticket ticket) {
        return changes.get() == ticket.changes() && serving();
    }

    /** One user changed: forget them, and any load of anyone already under way. */
    void evict(UserId id) {
        changes.incrementAndGet();
        entries.invalidate(id);
        evictions.increment();
    }

    /** Changes of unknown users (a TRUNCATE, an unreadable notification): forget everyone. */
    synchronized void evictAll() {
        newEpoch();
    }

    /** The listener hears every change from now on: start afresh (changes before may have been missed). */
    synchronized void resume(Duration trustFor) {
        newEpoch();
        trustedUntil = ticker.read() + trustFor.toNanos();
        listening = true;
    }

    /** The listener proved alive: every change announced before now has been heard. */
    synchronized void renew(Duration trustFor) {
        if (listening) {
            trustedUntil = ticker.read() + trustFor.toNanos();
        }
    }

    /** The listener failed: serve nothing, forget everything. */
    synchronized void suspend() {
        if (!listening) {
            // Untrusted already: nothing is served, nothing is kept, and resuming starts a new epoch anyway.
            return;
        }
        listening = false;
        newEpoch();
    }

    private void newEpoch() {
        epoch++;
        changes.incrementAndGet();
        background.execute(entries::invalidateAll);
    }

    @Override
    public boolean serving() {
        return listening && ticker.read() - trustedUntil < 0;
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public long misses() {
        return misses.sum();
    }

    @Override
    public long bypasses() {
        return bypasses.sum();
    }

    @Override
    public long evictions() {
        return evictions.sum();
    }

    @Override
    public long size() {
        return entries.estimatedSize();
    }

    /** What the cache had seen when a load began. */
    record Ticket(long changes, long epoch) {}

    private record Entry(User user, long epoch) {}
}
