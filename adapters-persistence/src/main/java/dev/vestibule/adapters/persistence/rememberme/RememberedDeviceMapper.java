package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.domain.model.login.RememberedDevice;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between {@link RememberedDevice} and {@link RememberedDeviceRow}. */
final class RememberedDeviceMapper {

    private RememberedDeviceMapper() {
    }

    static RememberedDeviceRow toRow(RememberedDevice device) {
        return new RememberedDeviceRow(
                device.series(),
                device.userId().value(),
                device.secretHash(),
                device.previousSecretHash(),
                toTimestamp(device.rotatedAt()),
                toTimestamp(device.expiresAt()));
    }

    static RememberedDevice toDomain(RememberedDeviceRow row) {
        return new RememberedDevice(
                row.series(),
                new UserId(row.userId()),
                row.secretHash(),
                row.previousSecretHash(),
                row.rotatedAt().toInstant(),
                row.expiresAt().toInstant());
    }

    /** OffsetDateTime is the R2DBC type for TIMESTAMP WITH TIME ZONE, so PostgreSQL and H2 both bind it. */
    static OffsetDateTime toTimestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
