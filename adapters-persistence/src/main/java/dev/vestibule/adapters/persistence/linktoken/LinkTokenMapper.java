package dev.vestibule.adapters.persistence.linktoken;

import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between {@link IssuedLink} and {@link LinkTokenRow}. */
final class LinkTokenMapper {

    private LinkTokenMapper() {}

    static LinkTokenRow toRow(IssuedLink link) {
        return new LinkTokenRow(
                link.tokenHash(),
                link.purpose().name(),
                link.userId().value(),
                link.sentTo().value(),
                toTimestamp(link.issuedAt()),
                toTimestamp(link.expiresAt()));
    }

    static IssuedLink toDomain(LinkTokenRow row) {
        return new IssuedLink(
                row.tokenHash(),
                LinkPurpose.valueOf(row.purpose()),
                new UserId(row.userId()),
                new EmailAddress(row.sentTo()),
                row.issuedAt().toInstant(),
                row.expiresAt().toInstant());
    }

    /** OffsetDateTime is the R2DBC type for TIMESTAMP WITH TIME ZONE, so PostgreSQL and H2 both bind it. */
    static OffsetDateTime toTimestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
