package dev.vestibule.adapters.persistence.linktoken;

import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.LinkTokens;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@link LinkTokens} on R2DBC. Spending is one conditional UPDATE ({@code spent_at IS NULL}): the database's row
 * lock makes the second of two concurrent spends find the row already spent, so exactly one wins.
 */
public final class R2dbcLinkTokens implements LinkTokens {

    private final DatabaseClient databaseClient;

    public R2dbcLinkTokens(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
    }

    @Override
    public Mono<Void> issue(IssuedLink link) {
        LinkTokenRow row = LinkTokenMapper.toRow(link);
        return databaseClient
                .sql("""
                        INSERT INTO link_tokens (token_hash, purpose, user_id, sent_to, issued_at, expires_at)
                        VALUES (:tokenHash, :purpose, :userId, :sentTo, :issuedAt, :expiresAt)""")
                .bind("tokenHash", row.tokenHash())
                .bind("purpose", row.purpose())
                .bind("userId", row.userId())
                .bind("sentTo", row.sentTo())
                .bind("issuedAt", row.issuedAt())
                .bind("expiresAt", row.expiresAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<IssuedLink> findValid(String tokenHash, LinkPurpose purpose, Instant now) {
        return databaseClient
                .sql("""
                        SELECT token_hash, purpose, user_id, sent_to, issued_at, expires_at FROM link_tokens
                        WHERE token_hash = :tokenHash AND purpose = :purpose AND spent_at IS NULL
                            AND expires_at > :now""")
                .bind("tokenHash", tokenHash)
                .bind("purpose", purpose.name())
                .bind("now", LinkTokenMapper.toTimestamp(now))
                .map(R2dbcLinkTokens::readRow)
                .one()
                .map(LinkTokenMapper::toDomain);
    }

    @Override
    public Mono<Boolean> spend(String tokenHash, LinkPurpose purpose, Instant now) {
        return databaseClient
                .sql("""
                        UPDATE link_tokens SET spent_at = :now
                        WHERE token_hash = :tokenHash AND purpose = :purpose AND spent_at IS NULL
                            AND expires_at > :now""")
                .bind("now", LinkTokenMapper.toTimestamp(now))
                .bind("tokenHash", tokenHash)
                .bind("purpose", purpose.name())
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    @Override
    public Mono<Long> spendAllFor(UserId userId, LinkPurpose purpose, Instant now) {
        return databaseClient
                .sql("""
                        UPDATE link_tokens SET spent_at = :now
                        WHERE user_id = :userId AND purpose = :purpose AND spent_at IS NULL""")
                .bind("now", LinkTokenMapper.toTimestamp(now))
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        // Expired from the expiry instant on, as IssuedLink.isExpiredAt decides; spent links go with them.
        return databaseClient
                .sql("DELETE FROM link_tokens WHERE expires_at <= :now")
                .bind("now", LinkTokenMapper.toTimestamp(now))
                .fetch()
                .rowsUpdated();
    }

    private static LinkTokenRow readRow(Readable row) {
        return new LinkTokenRow(
                row.get("token_hash", String.class),
                row.get("purpose", String.class),
                row.get("user_id", UUID.class),
                row.get("sent_to", String.class),
                row.get("issued_at", OffsetDateTime.class),
                row.get("expires_at", OffsetDateTime.class));
    }
}
