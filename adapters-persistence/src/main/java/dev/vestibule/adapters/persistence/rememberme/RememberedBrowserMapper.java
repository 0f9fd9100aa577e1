package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between {@link RememberedBrowser} and {@link RememberedBrowserRow}. */
final class RememberedBrowserMapper {

    private RememberedBrowserMapper() {}

    static RememberedBrowserRow toRow(RememberedBrowser device) {
        return new RememberedBrowserRow(
                device.series(),
                device.userId().value(),
                device.secretHash(),
                device.previousSecretHash(),
                toTimestamp(device.rotatedAt()),
                toTimestamp(device.expiresAt()),
                device.securityStamp().value(),
                toTimestamp(device.rememberedAt()),
                device.origin().clientAddress(),
                device.origin().userAgent(),
                device.graceBrowser(),
                device.graceUses());
    }

    static RememberedBrowser toDomain(RememberedBrowserRow row) {
        return new RememberedBrowser(
                row.series(),
                new UserId(row.userId()),
                row.secretHash(),
                row.previousSecretHash(),
                row.rotatedAt().toInstant(),
                row.expiresAt().toInstant(),
                new SecurityStamp(row.securityStamp()),
                row.rememberedAt().toInstant(),
                row.clientAddress() == null ? Origin.unknown() : new Origin(row.clientAddress(), row.userAgent()),
                row.graceBrowser(),
                row.graceUses());
    }

    /** OffsetDateTime is the R2DBC type for TIMESTAMP WITH TIME ZONE, so PostgreSQL and H2 both bind it. */
    static OffsetDateTime toTimestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
