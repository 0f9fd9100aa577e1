package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.time.Instant;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@link KnownBrowserRepository} in the {@code known_devices} table. */
public final class R2dbcKnownBrowserRepository implements KnownBrowserRepository {

    private static final int PURGE_BATCH_SIZE = 5_000;

    private final DatabaseClient databaseClient;
    private final int purgeBatchSize;

    public R2dbcKnownBrowserRepository(DatabaseClient databaseClient) {
        this(databaseClient, PURGE_BATCH_SIZE);
    }

    /** With a batch size of the caller's choosing: tests use a small one to see batches follow each other. */
    R2dbcKnownBrowserRepository(DatabaseClient databaseClient, int purgeBatchSize) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purgeBatchSize must be positive");
        }
        this.purgeBatchSize = purgeBatchSize;
    }

    @Override
    public Mono<Void> add(KnownBrowser device) {
        return databaseClient
                .sql("""
                        INSERT INTO known_devices (id, user_id, expires_at)
                        VALUES (:id, :userId, :expiresAt)""")
                .bind("id", device.id())
                .bind("userId", device.userId().value())
                .bind("expiresAt", Timestamps.of(device.expiresAt()))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Boolean> isKnown(String deviceId, UserId userId, Instant now) {
        return databaseClient
                .sql("""
                        SELECT count(*) AS known FROM known_devices
                        WHERE id = :id AND user_id = :userId AND expires_at > :now""")
                .bind("id", deviceId)
                .bind("userId", userId.value())
                .bind("now", Timestamps.of(now))
                .map(row -> row.get("known", Long.class))
                .one()
                .map(count -> count > 0);
    }

    /** In batches, for the reason {@code R2dbcSecurityEventLog.removeOlderThan} gives. */
    @Override
    public Mono<Long> removeExpired(Instant now) {
        return deleteBatchExpiredAt(now)
                .expand(deleted -> deleted == 0 ? Mono.empty() : deleteBatchExpiredAt(now))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> deleteBatchExpiredAt(Instant now) {
        // Expired from its expiry instant on, as isKnown decides.
        return databaseClient
                .sql("""
                        DELETE FROM known_devices WHERE id IN (
                            SELECT id FROM known_devices WHERE expires_at <= :now LIMIT :batch)""")
                .bind("now", Timestamps.of(now))
                .bind("batch", purgeBatchSize)
                .fetch()
                .rowsUpdated();
    }

    // account deletion
    @Override
    public Mono<Long> removeAllOf(UserId userId) {
        return databaseClient
                .sql("DELETE FROM known_devices WHERE user_id = :userId")
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated();
    }
}
