package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyId;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link PasskeyRepository} on R2DBC. Every change names the user in its WHERE clause, so a passkey id of another
 * user matches no row; a use is one conditional UPDATE on the counter read before.
 */
public final class R2dbcPasskeyRepository implements PasskeyRepository {

    private static final String COLUMNS = "id, user_id, credential_id, public_key_cose, sign_count, transports,"
            + " backup_eligible, backed_up, name, created_at, last_used_at";

    private final DatabaseClient databaseClient;

    public R2dbcPasskeyRepository(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> add(Passkey passkey) {
        PasskeyRow row = PasskeyMapper.toRow(passkey);
        var spec = databaseClient
                .sql("INSERT INTO passkeys (" + COLUMNS + ") VALUES (:id, :userId, :credentialId, :publicKeyCose,"
                        + " :signCount, :transports, :backupEligible, :backedUp, :name, :createdAt, :lastUsedAt)")
                .bind("id", row.id())
                .bind("userId", row.userId())
                .bind("credentialId", row.credentialId())
                .bind("publicKeyCose", row.publicKeyCose())
                .bind("signCount", row.signCount())
                .bind("transports", row.transports())
                .bind("backupEligible", row.backupEligible())
                .bind("backedUp", row.backedUp())
                .bind("name", row.name())
                .bind("createdAt", row.createdAt());
        spec = row.lastUsedAt() == null
                ? spec.bindNull("lastUsedAt", OffsetDateTime.class)
                : spec.bind("lastUsedAt", row.lastUsedAt());
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Passkey> findByCredentialId(CredentialId credentialId) {
        return databaseClient
                .sql("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = :credentialId")
                .bind("credentialId", credentialId.value())
                .map(R2dbcPasskeyRepository::readRow)
                .one()
                .map(PasskeyMapper::toDomain);
    }

    @Override
    public Flux<Passkey> findByUser(UserId userId) {
        return databaseClient
                .sql("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = :userId ORDER BY created_at, id")
                .bind("userId", userId.value())
                .map(R2dbcPasskeyRepository::readRow)
                .all()
                .map(PasskeyMapper::toDomain);
    }

    @Override
    public Mono<Long> countFor(UserId userId) {
        return databaseClient
                .sql("SELECT count(*) AS n FROM passkeys WHERE user_id = :userId")
                .bind("userId", userId.value())
                .map(row -> ((Number) Objects.requireNonNull(row.get("n"))).longValue())
                .one();
    }

    @Override
    public Mono<Boolean> recordUse(Passkey used, long previousSignCount) {
        var spec = databaseClient
                .sql("""
                        UPDATE passkeys SET sign_count = :signCount, backed_up = :backedUp, last_used_at = :lastUsedAt
                        WHERE id = :id AND user_id = :userId AND sign_count = :previous""")
                .bind("signCount", used.signCount())
                .bind("backedUp", used.backedUp())
                .bind("id", used.id().value())
                .bind("userId", used.userId().value())
                .bind("previous", previousSignCount);
        spec = used.lastUsedAt().isPresent()
                ? spec.bind("lastUsedAt", Timestamps.of(used.lastUsedAt().get()))
                : spec.bindNull("lastUsedAt", OffsetDateTime.class);
        return spec.fetch().rowsUpdated().map(updated -> updated == 1);
    }

    @Override
    public Mono<Boolean> rename(UserId userId, PasskeyId id, String name, Instant at) {
        return databaseClient
                .sql("UPDATE passkeys SET name = :name WHERE id = :id AND user_id = :userId")
                .bind("name", name)
                .bind("id", id.value())
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Boolean> remove(UserId userId, PasskeyId id) {
        return databaseClient
                .sql("DELETE FROM passkeys WHERE id = :id AND user_id = :userId")
                .bind("id", id.value())
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted == 1);
    }

    @Override
    public Mono<UserHandle> userHandleFor(UserId userId, UserHandle candidate) {
        // Two first registrations at once: one insert wins, the other finds nothing to insert or hits the key.
        Mono<Long> insert = databaseClient
                .sql("""
                        INSERT INTO passkey_user_handles (user_id, user_handle)
                        SELECT CAST(:userId AS UUID), CAST(:handle AS VARCHAR(88))
                        WHERE NOT EXISTS (SELECT 1 FROM passkey_user_handles WHERE user_id = CAST(:userId AS UUID))""")
                .bind("userId", userId.value())
                .bind("handle", candidate.value())
                .fetch()
                .rowsUpdated()
                .onErrorResume(DataIntegrityViolationException.class, raced -> Mono.just(0L));
        return insert.then(databaseClient
                .sql("SELECT user_handle FROM passkey_user_handles WHERE user_id = :userId")
                .bind("userId", userId.value())
                .map(row -> new UserHandle(Objects.requireNonNull(row.get("user_handle", String.class))))
                .one());
    }

    @Override
    public Mono<UserId> findUserByHandle(UserHandle handle) {
        return databaseClient
                .sql("SELECT user_id FROM passkey_user_handles WHERE user_handle = :handle")
                .bind("handle", handle.value())
                .map(row -> new UserId(Objects.requireNonNull(row.get("user_id", UUID.class))))
                .one();
    }

    private static PasskeyRow readRow(Readable row) {
        return new PasskeyRow(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("credential_id", String.class),
                row.get("public_key_cose", String.class),
                Objects.requireNonNull(row.get("sign_count", Long.class)),
                row.get("transports", String.class),
                Boolean.TRUE.equals(row.get("backup_eligible", Boolean.class)),
                Boolean.TRUE.equals(row.get("backed_up", Boolean.class)),
                row.get("name", String.class),
                row.get("created_at", OffsetDateTime.class),
                row.get("last_used_at", OffsetDateTime.class));
    }
}
