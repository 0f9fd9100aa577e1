package dev.vestibule.adapters.persistence.event;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link SecurityEventLog} in the {@code security_events} table. */
public final class R2dbcSecurityEventLog implements SecurityEventLog {

    private static final int PURGE_BATCH_SIZE = 5_000;

    private final DatabaseClient databaseClient;
    private final int purgeBatchSize;

    public R2dbcSecurityEventLog(DatabaseClient databaseClient) {
        this(databaseClient, PURGE_BATCH_SIZE);
    }

    /** With a batch size of the caller's choosing: tests use a small one to see batches follow each other. */
    R2dbcSecurityEventLog(DatabaseClient databaseClient, int purgeBatchSize) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purgeBatchSize must be positive");
        }
        this.purgeBatchSize = purgeBatchSize;
    }

    /**
     * An event naming a user who does not exist (any more) is not kept: a deleted account's events are anonymised
     * and must not gain new ones with its id. The foreign key that said so went with V7, since anonymised events
     * name a pseudonym that no user has.
     */
    @Override
    public Mono<Void> record(SecurityEvent event) {
        return insert(event, null).then();
    }

    // issue 13 finding 3: throttled bursts
    @Override
    public Flux<SecurityEvent> recentFor(UserId userId, int skip, int limit) {
        return databaseClient
                .sql("""
                        SELECT type, occurred_at, user_id, client_address, user_agent, occurrences FROM security_events
                        WHERE user_id = :userId ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :skip""")
                .bind("userId", userId.value())
                .bind("limit", limit)
                .bind("skip", skip)
                .map(R2dbcSecurityEventLog::read)
                .all();
    }

    /**
     * Adds one to the burst's row, or inserts it; when another instance inserted it in between, the unique index on
     * burst_key refuses the second row and the count goes to the first. Plain statements that PostgreSQL and H2
     * both run (no ON CONFLICT in H2).
     */
    @Override
    public Mono<Void> recordBurst(SecurityEvent event, String burstKey) {
        return countInto(burstKey)
                .flatMap(counted -> counted > 0 ? Mono.just(counted) : insertBurst(event, burstKey))
                .onErrorResume(DataIntegrityViolationException.class, raced -> countInto(burstKey))
                .then();
    }

    private Mono<Long> countInto(String burstKey) {
        return databaseClient
                .sql("UPDATE security_events SET occurrences = occurrences + 1 WHERE burst_key = :burstKey")
                .bind("burstKey", burstKey)
                .fetch()
                .rowsUpdated();
    }

    private Mono<Long> insertBurst(SecurityEvent event, String burstKey) {
        return insert(event, burstKey)
                // A burst of a deleted user's account keeps no row: nothing was inserted, and nothing is to count.
                .map(inserted -> Math.max(inserted, 1L));
    }

    /** One row, or none for a user who no longer exists; {@code burstKey} is null for an ordinary event. */
    private Mono<Long> insert(SecurityEvent event, String burstKey) {
        return databaseClient
                .sql("""
                        INSERT INTO security_events (type, occurred_at, user_id, client_address, user_agent,
                            occurrences, burst_key)
                        SELECT :type, :occurredAt, :userId, :clientAddress, :userAgent, :occurrences, :burstKey
                        WHERE CAST(:userId AS UUID) IS NULL
                            OR EXISTS (SELECT 1 FROM users WHERE id = :userId)""")
                .bind("type", event.type().name())
                .bind("occurredAt", Timestamps.of(event.occurredAt()))
                .bind(
                        "userId",
                        event.userId().isPresent()
                                ? Parameters.in(event.userId().get().value())
                                : Parameters.in(UUID.class))
                .bind("clientAddress", event.origin().clientAddress())
                .bind("userAgent", event.origin().userAgent())
                .bind("occurrences", event.occurrences())
                .bind("burstKey", burstKey == null ? Parameters.in(String.class) : Parameters.in(burstKey))
                .fetch()
                .rowsUpdated();
    }

    // account deletion
    @Override
    public Mono<Long> anonymise(UserId userId, UserId pseudonym) {
        Origin forgotten = Origin.unknown();
        return databaseClient
                .sql("""
                        UPDATE security_events SET user_id = :pseudonym, client_address = :clientAddress,
                            user_agent = :userAgent
                        WHERE user_id = :userId""")
                .bind("pseudonym", pseudonym.value())
                .bind("clientAddress", forgotten.clientAddress())
                .bind("userAgent", forgotten.userAgent())
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated();
    }

    /**
     * Deletes in batches, each its own short statement: the first purge after a long time may find
     * millions of rows, and one huge DELETE would hold its locks and write-ahead log for all of them.
     * It stops at the first batch that deletes nothing, not at the first short one: a batch that another
     * instance's purge deleted under it comes back short while old rows remain.
     */
    @Override
    public Mono<Long> removeOlderThan(Instant cutoff) {
        return deleteBatchOlderThan(cutoff)
                .expand(deleted -> deleted == 0 ? Mono.empty() : deleteBatchOlderThan(cutoff))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> deleteBatchOlderThan(Instant cutoff) {
        return databaseClient
                .sql("""
                        DELETE FROM security_events WHERE id IN (
                            SELECT id FROM security_events WHERE occurred_at < :cutoff LIMIT :batch)""")
                .bind("cutoff", Timestamps.of(cutoff))
                .bind("batch", purgeBatchSize)
                .fetch()
                .rowsUpdated();
    }

    private static SecurityEvent read(Readable row) {
        UUID user = row.get("user_id", UUID.class);
        return new SecurityEvent(
                SecurityEventType.valueOf(row.get("type", String.class)),
                row.get("occurred_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(user).map(UserId::new),
                new Origin(row.get("client_address", String.class), row.get("user_agent", String.class)),
                row.get("occurrences", Integer.class));
    }
}
