package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@link AuthenticatorAppRepository} in the {@code authenticator_apps} table. */
public final class R2dbcAuthenticatorAppRepository implements AuthenticatorAppRepository {

    private final DatabaseClient databaseClient;

    public R2dbcAuthenticatorAppRepository(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    /** Replaces in two statements; the use case runs them in its transaction with the codes and the notice. */
    @Override
    public Mono<Void> save(AuthenticatorApp app) {
        return remove(app.userId())
                .then(databaseClient
                        .sql("""
                                INSERT INTO authenticator_apps (user_id, sealed_secret, enabled_at, last_used_step)
                                VALUES (:userId, :sealedSecret, :enabledAt, :lastUsedStep)""")
                        .bind("userId", app.userId().value())
                        .bind("sealedSecret", app.sealedSecret())
                        .bind("enabledAt", Timestamps.of(app.enabledAt()))
                        .bind("lastUsedStep", app.lastUsedStep())
                        .fetch()
                        .rowsUpdated())
                .then();
    }

    @Override
    public Mono<AuthenticatorApp> find(UserId userId) {
        return databaseClient
                .sql("""
                        SELECT user_id, sealed_secret, enabled_at, last_used_step FROM authenticator_apps
                        WHERE user_id = :userId""")
                .bind("userId", userId.value())
                .map(row -> new AuthenticatorApp(
                        new UserId(Objects.requireNonNull(row.get("user_id", UUID.class))),
                        Objects.requireNonNull(row.get("sealed_secret", String.class)),
                        Objects.requireNonNull(row.get("enabled_at", OffsetDateTime.class))
                                .toInstant(),
                        Objects.requireNonNull(row.get("last_used_step", Long.class))))
                .one();
    }

    @Override
    public Mono<Boolean> useStep(UserId userId, long step) {
        return databaseClient
                .sql("""
                        UPDATE authenticator_apps SET last_used_step = :step
                        WHERE user_id = :userId AND last_used_step < :step""")
                .bind("step", step)
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Boolean> reseal(UserId userId, String expected, String resealed) {
        return databaseClient
                .sql("""
                        UPDATE authenticator_apps SET sealed_secret = :resealed
                        WHERE user_id = :userId AND sealed_secret = :expected""")
                .bind("resealed", resealed)
                .bind("userId", userId.value())
                .bind("expected", expected)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Boolean> remove(UserId userId) {
        return databaseClient
                .sql("DELETE FROM authenticator_apps WHERE user_id = :userId")
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }
}
