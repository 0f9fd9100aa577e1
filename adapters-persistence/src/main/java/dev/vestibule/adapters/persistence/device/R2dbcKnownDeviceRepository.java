package dev.vestibule.adapters.persistence.device;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.device.KnownDevice;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownDeviceRepository;
import java.time.Instant;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@link KnownDeviceRepository} in the {@code known_devices} table. */
public final class R2dbcKnownDeviceRepository implements KnownDeviceRepository {

    private final DatabaseClient databaseClient;

    public R2dbcKnownDeviceRepository(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> add(KnownDevice device) {
        return databaseClient.sql("""
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
        return databaseClient.sql("""
                        SELECT count(*) AS known FROM known_devices
                        WHERE id = :id AND user_id = :userId AND expires_at > :now""")
                .bind("id", deviceId)
                .bind("userId", userId.value())
                .bind("now", Timestamps.of(now))
                .map(row -> row.get("known", Long.class))
                .one()
                .map(count -> count > 0);
    }
}
