package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link PasskeyChallenges} on R2DBC. Consuming is one conditional DELETE: the database's row lock makes the second of
 * two concurrent consumers (a replay, another instance) find no row, so exactly one succeeds.
 */
public final class R2dbcPasskeyChallenges implements PasskeyChallenges {

    private final DatabaseClient databaseClient;

    public R2dbcPasskeyChallenges(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> issue(PasskeyChallenge challenge) {
        var spec = databaseClient
                .sql("""
                        INSERT INTO passkey_challenges (challenge, purpose, user_id, expires_at)
                        VALUES (:challenge, :purpose, :userId, :expiresAt)""")
                .bind("challenge", challenge.value())
                .bind("purpose", challenge.purpose().name())
                .bind("expiresAt", Timestamps.of(challenge.expiresAt()));
        spec = challenge.userId().isPresent()
                ? spec.bind("userId", challenge.userId().get().value())
                : spec.bindNull("userId", UUID.class);
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Boolean> consume(String value, CeremonyPurpose purpose, Optional<UserId> userId, Instant now) {
        String sql = "DELETE FROM passkey_challenges WHERE challenge = :challenge AND purpose = :purpose"
                + " AND expires_at > :now AND " + (userId.isPresent() ? "user_id = :userId" : "user_id IS NULL");
        var spec = databaseClient
                .sql(sql)
                .bind("challenge", value)
                .bind("purpose", purpose.name())
                .bind("now", Timestamps.of(now));
        if (userId.isPresent()) {
            spec = spec.bind("userId", userId.get().value());
        }
        return spec.fetch().rowsUpdated().map(deleted -> deleted == 1);
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        return databaseClient
                .sql("DELETE FROM passkey_challenges WHERE expires_at <= :now")
                .bind("now", Timestamps.of(now))
                .fetch()
                .rowsUpdated();
    }
}
