package dev.vestibule.adapters.memory.throttling;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Buckets in this process, for the single-instance embedded default. The map is bounded so that an attacker cycling
 * through addresses cannot exhaust memory, and what makes room must never hand a locked account new guesses (issue 13
 * finding 6: dropping the least recently used bucket did, after 100,000 requests spraying fresh names from fresh
 * addresses). So room is made, least recently used first, only from buckets whose loss gives nothing away: a bucket
 * that has refilled completely (the same as no bucket), or a client address's bucket (a fresh bucket for an address
 * is what a fresh address gets anyway, and the flood's own addresses are the ones dropped). When neither is left,
 * a new key is refused for a second rather than an account's bucket forgotten.
 */
public final class InMemoryAttemptLimiter implements AttemptLimiter {

    static final int MAX_BUCKETS = 100_000;

    /** Room is made for this many buckets at a time, so that a full map is not scanned for every new key. */
    private static final int ROOM_MADE_AT_ONCE = 1_000;

    /** After a scan that found no room, new keys are refused without another scan for this long. */
    private static final Duration NO_ROOM_WAIT = Duration.ofSeconds(1);

    /** The namespace of client-address keys ({@code ThrottleKeys.clientAddress}): buckets whose loss gives nothing away. */
    private static final String CLIENT_NAMESPACE = "client:";

    private final int maxBuckets;
    private final Map<String, Entry> buckets = new LinkedHashMap<>(1_024, 0.75f, true);
    private long noRoomUntilNanos = Long.MIN_VALUE;

    public InMemoryAttemptLimiter() {
        this(MAX_BUCKETS);
    }

    InMemoryAttemptLimiter(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    @Override
    public Mono<Permit> tryAcquire(String key, AttemptLimit limit) {
        return Mono.fromSupplier(() -> {
            Bucket bucket = bucket(key, limit);
            return bucket == null
                    ? Permit.deniedFor(NO_ROOM_WAIT)
                    : Buckets.permitOf(bucket.tryConsumeAndReturnRemaining(1));
        });
    }

    @Override
    public Mono<Void> release(String key, AttemptLimit limit) {
        return Mono.fromRunnable(() -> {
            Entry entry = existing(key, limit);
            // No bucket is a full bucket: nothing to give back.
            if (entry != null) {
                entry.bucket().addTokens(1);
            }
        });
    }

    int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Entry existing(String key, AttemptLimit limit) {
        synchronized (buckets) {
            return buckets.get(limit.name() + ":" + key);
        }
    }

    /** The bucket of this key, or null when there is no room for a new one. */
    private Bucket bucket(String key, AttemptLimit limit) {
        String name = limit.name() + ":" + key;
        synchronized (buckets) {
            Entry entry = buckets.get(name);
            if (entry != null) {
                return entry.bucket();
            }
            if (buckets.size() >= maxBuckets && !makeRoom()) {
                return null;
            }
            Bucket bucket = Bucket.builder()
                    .addLimit(Buckets.configurationOf(limit).getBandwidths()[0])
                    .build();
            buckets.put(name, new Entry(bucket, limit.capacity(), key.startsWith(CLIENT_NAMESPACE)));
            return bucket;
        }
    }

    private boolean makeRoom() {
        long now = System.nanoTime();
        if (now - noRoomUntilNanos < 0) {
            return false;
        }
        int made = 0;
        for (Iterator<Entry> eldestFirst = buckets.values().iterator();
                eldestFirst.hasNext() && made < ROOM_MADE_AT_ONCE; ) {
            Entry entry = eldestFirst.next();
            if (entry.client() || entry.bucket().getAvailableTokens() >= entry.capacity()) {
                eldestFirst.remove();
                made++;
            }
        }
        if (made == 0) {
            noRoomUntilNanos = now + NO_ROOM_WAIT.toNanos();
        }
        return made > 0;
    }

    /** A bucket, its capacity (full again means forgettable), and whether it counts a client address. */
    private record Entry(Bucket bucket, long capacity, boolean client) {}
}
