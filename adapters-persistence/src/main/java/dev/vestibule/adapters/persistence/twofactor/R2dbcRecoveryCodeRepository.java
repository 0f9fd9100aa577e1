package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link RecoveryCodeRepository} in the {@code recovery_codes} table. */
public final class R2dbcRecoveryCodeRepository implements RecoveryCodeRepository {

    private final DatabaseClient databaseClient;

    public R2dbcRecoveryCodeRepository(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> replaceAll(UserId userId, List<String> codeHashes, Instant createdAt) {
        return removeAll(userId)
                .thenMany(Flux.fromIterable(List.copyOf(codeHashes))
                        .concatMap(hash -> databaseClient
                                .sql("""
                                        INSERT INTO recovery_codes (user_id, code_hash, created_at)
                                        VALUES (:userId, :codeHash, :createdAt)""")
                                .bind("userId", userId.value())
                                .bind("codeHash", hash)
                                .bind("createdAt", Timestamps.of(createdAt))
                                .fetch()
                                .rowsUpdated()))
                .then();
    }

    @Override
    public Mono<Boolean> use(UserId userId, String codeHash) {
        return databaseClient
                .sql("DELETE FROM recovery_codes WHERE user_id = :userId AND code_hash = :codeHash")
                .bind("userId", userId.value())
                .bind("codeHash", codeHash)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted == 1);
    }

    @Override
    public Mono<Integer> countLeft(UserId userId) {
        return databaseClient
                .sql("SELECT count(*) AS left_count FROM recovery_codes WHERE user_id = :userId")
                .bind("userId", userId.value())
                .map(row -> Objects.requireNonNull(row.get("left_count", Long.class)))
                .one()
                .map(Long::intValue);
    }

    @Override
    public Mono<Void> removeAll(UserId userId) {
        return databaseClient
                .sql("DELETE FROM recovery_codes WHERE user_id = :userId")
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated()
                .then();
    }
}
