package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link RememberedBrowserRepository} on R2DBC, rotating with one conditional UPDATE so that no lock spans round trips. */
public final class R2dbcRememberedBrowserRepository implements RememberedBrowserRepository {

    private static final String COLUMNS = "series, user_id, secret_hash, previous_secret_hash, rotated_at, expires_at,"
            + " security_stamp, remembered_at, client_address, user_agent, grace_browser, grace_uses";

    private final DatabaseClient databaseClient;

    public R2dbcRememberedBrowserRepository(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> add(RememberedBrowser device) {
        RememberedBrowserRow row = RememberedBrowserMapper.toRow(device);
        return databaseClient
                .sql("""
                        INSERT INTO remembered_devices
                            (series, user_id, secret_hash, previous_secret_hash, rotated_at, expires_at,
                             security_stamp, remembered_at, client_address, user_agent, grace_browser, grace_uses)
                        VALUES (:series, :userId, :secretHash, :previousSecretHash, :rotatedAt, :expiresAt,
                                :securityStamp, :rememberedAt, :clientAddress, :userAgent, :graceBrowser, :graceUses)""")
                .bind("series", row.series())
                .bind("userId", row.userId())
                .bind("secretHash", row.secretHash())
                .bind("previousSecretHash", Parameters.in(R2dbcType.VARCHAR, row.previousSecretHash()))
                .bind("rotatedAt", row.rotatedAt())
                .bind("expiresAt", row.expiresAt())
                .bind("securityStamp", row.securityStamp())
                .bind("rememberedAt", row.rememberedAt())
                .bind("clientAddress", row.clientAddress())
                .bind("userAgent", row.userAgent())
                .bind("graceBrowser", Parameters.in(R2dbcType.VARCHAR, row.graceBrowser()))
                .bind("graceUses", row.graceUses())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<RememberedBrowser> findBySeries(String series) {
        return databaseClient
                .sql("SELECT " + COLUMNS + " FROM remembered_devices WHERE series = :series")
                .bind("series", series)
                .map(R2dbcRememberedBrowserRepository::readDevice)
                .one()
                .map(RememberedBrowserMapper::toDomain);
    }

    @Override
    public Mono<Boolean> replace(RememberedBrowser current, RememberedBrowser next) {
        if (!current.series().equals(next.series()) || !current.userId().equals(next.userId())) {
            return Mono.error(new IllegalArgumentException("a rotation keeps the series and the user"));
        }
        RememberedBrowserRow row = RememberedBrowserMapper.toRow(next);
        return databaseClient
                .sql("""
                        UPDATE remembered_devices
                        SET secret_hash = :secretHash, previous_secret_hash = :previousSecretHash,
                            rotated_at = :rotatedAt, expires_at = :expiresAt,
                            grace_browser = :graceBrowser, grace_uses = :graceUses
                        WHERE series = :series AND secret_hash = :currentSecretHash""")
                .bind("secretHash", row.secretHash())
                .bind("previousSecretHash", Parameters.in(R2dbcType.VARCHAR, row.previousSecretHash()))
                .bind("graceBrowser", Parameters.in(R2dbcType.VARCHAR, row.graceBrowser()))
                .bind("graceUses", row.graceUses())
                .bind("rotatedAt", row.rotatedAt())
                .bind("expiresAt", row.expiresAt())
                .bind("series", row.series())
                .bind("currentSecretHash", current.secretHash())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** One conditional UPDATE: the count is judged and spent in the same statement, whichever instance asks. */
    @Override
    public Mono<Boolean> spendGraceUse(RememberedBrowser device, int allowed) {
        return databaseClient
                .sql("""
                        UPDATE remembered_devices SET grace_uses = grace_uses + 1
                        WHERE series = :series AND secret_hash = :secretHash AND grace_uses < :allowed""")
                .bind("series", device.series())
                .bind("secretHash", device.secretHash())
                .bind("allowed", allowed)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Void> remove(String series) {
        return databaseClient
                .sql("DELETE FROM remembered_devices WHERE series = :series")
                .bind("series", series)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Flux<RememberedBrowser> findByUser(UserId user) {
        return databaseClient
                .sql("SELECT " + COLUMNS + " FROM remembered_devices WHERE user_id = :userId"
                        + " ORDER BY remembered_at, series")
                .bind("userId", user.value())
                .map(R2dbcRememberedBrowserRepository::readDevice)
                .all()
                .map(RememberedBrowserMapper::toDomain);
    }

    @Override
    public Mono<Boolean> restamp(UserId user, String series, SecurityStamp newStamp) {
        return databaseClient
                .sql(
                        "UPDATE remembered_devices SET security_stamp = :stamp WHERE series = :series AND user_id = :userId")
                .bind("stamp", newStamp.value())
                .bind("series", series)
                .bind("userId", user.value())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Long> removeAllOf(UserId user, String keepSeries) {
        if (keepSeries == null) {
            return databaseClient
                    .sql("DELETE FROM remembered_devices WHERE user_id = :userId")
                    .bind("userId", user.value())
                    .fetch()
                    .rowsUpdated();
        }
        return databaseClient
                .sql("DELETE FROM remembered_devices WHERE user_id = :userId AND series <> :keep")
                .bind("userId", user.value())
                .bind("keep", keepSeries)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        // A device is expired from its expiry instant on, as RememberedBrowser.recognize decides.
        return databaseClient
                .sql("DELETE FROM remembered_devices WHERE expires_at <= :now")
                .bind("now", RememberedBrowserMapper.toTimestamp(now))
                .fetch()
                .rowsUpdated();
    }

    private static RememberedBrowserRow readDevice(Readable row) {
        return new RememberedBrowserRow(
                row.get("series", String.class),
                row.get("user_id", UUID.class),
                row.get("secret_hash", String.class),
                row.get("previous_secret_hash", String.class),
                row.get("rotated_at", OffsetDateTime.class),
                row.get("expires_at", OffsetDateTime.class),
                row.get("security_stamp", String.class),
                row.get("remembered_at", OffsetDateTime.class),
                row.get("client_address", String.class),
                row.get("user_agent", String.class),
                row.get("grace_browser", String.class),
                row.get("grace_uses", Integer.class));
    }
}
