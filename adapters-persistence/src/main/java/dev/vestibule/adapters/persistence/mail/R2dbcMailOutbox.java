package dev.vestibule.adapters.persistence.mail;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailOutboxStats;
import dev.vestibule.domain.port.out.QueuedMail;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link MailOutbox} in the {@code mail_outbox} table. On PostgreSQL a claim is one statement: the due rows
 * are locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers on several instances each take other
 * rows without waiting for each other, and marked held until the lease ends. H2 (the embedded default, one
 * instance) claims row by row with a conditional UPDATE, which is a compare-and-set as well.
 */
public final class R2dbcMailOutbox implements MailOutbox {

    private static final String COLUMNS = """
            id, user_id, kind, recipient, username, language_tag, link, valid_for_ms, occurred_at, client_address,
            user_agent, attempts, queued_at""";
    /** The same columns, named unambiguously next to the claim's derived table. */
    private static final String RETURNED = """
            mail_outbox.id, mail_outbox.user_id, mail_outbox.kind, mail_outbox.recipient, mail_outbox.username,
            mail_outbox.language_tag, mail_outbox.link, mail_outbox.valid_for_ms, mail_outbox.occurred_at,
            mail_outbox.client_address, mail_outbox.user_agent, mail_outbox.attempts, mail_outbox.queued_at""";
    /**
     * Due and not held. A link mail whose link is gone (re-queued by hand after it was given up) is never claimed:
     * it could not be sent, and one unreadable row must not stop every round; it shows as the oldest waiting mail.
     */
    private static final String CLAIMABLE = """
            status = 'QUEUED' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)
            AND (link IS NOT NULL OR occurred_at IS NOT NULL)""";

    private final DatabaseClient databaseClient;
    private final boolean postgresql;

    public R2dbcMailOutbox(DatabaseClient databaseClient) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
        this.postgresql = databaseClient
                .getConnectionFactory()
                .getMetadata()
                .getName()
                .toLowerCase(Locale.ROOT)
                .contains("postgresql");
    }

    @Override
    public Mono<Void> enqueue(Mail mail, Instant now) {
        MailOutboxRow row = MailOutboxMapper.toRow(mail);
        return databaseClient
                .sql("""
                        INSERT INTO mail_outbox (user_id, kind, recipient, username, language_tag, link, valid_for_ms,
                            occurred_at, client_address, user_agent, status, attempts, queued_at, next_attempt_at)
                        VALUES (:userId, :kind, :recipient, :username, :languageTag, :link, :validForMs, :occurredAt,
                            :clientAddress, :userAgent, 'QUEUED', 0, :now, :now)""")
                .bind("userId", row.userId())
                .bind("kind", row.kind())
                .bind("recipient", row.recipient())
                .bind("username", row.username())
                .bind("languageTag", row.languageTag())
                .bind("link", Parameters.in(R2dbcType.VARCHAR, row.link()))
                .bind("validForMs", Parameters.in(R2dbcType.BIGINT, row.validForMs()))
                .bind(
                        "occurredAt",
                        row.occurredAt() == null
                                ? Parameters.in(OffsetDateTime.class)
                                : Parameters.in(row.occurredAt()))
                .bind("clientAddress", Parameters.in(R2dbcType.VARCHAR, row.clientAddress()))
                .bind("userAgent", Parameters.in(R2dbcType.VARCHAR, row.userAgent()))
                .bind("now", Timestamps.of(now))
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Flux<QueuedMail> claimDue(Instant now, int limit, Duration lease) {
        if (limit < 1) {
            return Flux.error(new IllegalArgumentException("limit must be positive"));
        }
        return postgresql ? claimLocking(now, limit, lease) : claimOneByOne(now, limit, lease);
    }

    private Flux<QueuedMail> claimLocking(Instant now, int limit, Duration lease) {
        return databaseClient
                .sql("""
                        UPDATE mail_outbox SET claimed_until = :until, attempts = mail_outbox.attempts + 1
                        FROM (SELECT id FROM mail_outbox WHERE %s
                              ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE mail_outbox.id = due.id
                        RETURNING %s""".formatted(CLAIMABLE, RETURNED))
                .bind("now", Timestamps.of(now))
                .bind("until", Timestamps.of(now.plus(lease)))
                .bind("limit", limit)
                .map(R2dbcMailOutbox::read)
                .all()
                .sort((first, second) -> Long.compare(first.id(), second.id()));
    }

    private Flux<QueuedMail> claimOneByOne(Instant now, int limit, Duration lease) {
        return databaseClient
                .sql("SELECT id FROM mail_outbox WHERE " + CLAIMABLE + " ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", Timestamps.of(now))
                .bind("limit", limit)
                .map(row -> row.get("id", Long.class))
                .all()
                .concatMap(id -> databaseClient
                        .sql("UPDATE mail_outbox SET claimed_until = :until, attempts = attempts + 1"
                                + " WHERE id = :id AND " + CLAIMABLE)
                        .bind("until", Timestamps.of(now.plus(lease)))
                        .bind("id", id)
                        .bind("now", Timestamps.of(now))
                        .fetch()
                        .rowsUpdated()
                        .filter(updated -> updated == 1)
                        .flatMap(won -> databaseClient
                                .sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
                                .bind("id", id)
                                .map(R2dbcMailOutbox::read)
                                .one()));
    }

    @Override
    public Mono<Void> delivered(long id, Instant now) {
        return databaseClient
                .sql("""
                        UPDATE mail_outbox SET status = 'SENT', link = NULL, claimed_until = NULL, sent_at = :now
                        WHERE id = :id AND status = 'QUEUED'""")
                .bind("now", Timestamps.of(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> failed(long id, Instant retryAt, String error) {
        return databaseClient
                .sql("""
                        UPDATE mail_outbox SET next_attempt_at = :retryAt, claimed_until = NULL, last_error = :error
                        WHERE id = :id AND status = 'QUEUED'""")
                .bind("retryAt", Timestamps.of(retryAt))
                .bind("error", Parameters.in(R2dbcType.VARCHAR, cut(error)))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> gaveUp(long id, String error) {
        return databaseClient
                .sql("""
                        UPDATE mail_outbox SET status = 'FAILED', link = NULL, claimed_until = NULL, last_error = :error
                        WHERE id = :id AND status = 'QUEUED'""")
                .bind("error", Parameters.in(R2dbcType.VARCHAR, cut(error)))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Long> discardQueuedFor(UserId userId, MailKind keep) {
        return databaseClient
                .sql("DELETE FROM mail_outbox WHERE user_id = :userId AND status = 'QUEUED' AND kind <> :keep")
                .bind("userId", userId.value())
                .bind("keep", keep.name())
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> removeFinishedOlderThan(Instant cutoff) {
        return databaseClient
                .sql("DELETE FROM mail_outbox WHERE status <> 'QUEUED' AND queued_at < :cutoff")
                .bind("cutoff", Timestamps.of(cutoff))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<MailOutboxStats> stats() {
        return databaseClient
                .sql("SELECT COUNT(*) AS queued, MIN(queued_at) AS oldest FROM mail_outbox WHERE status = 'QUEUED'")
                .map(row -> new MailOutboxStats(
                        row.get("queued", Number.class).longValue(),
                        Optional.ofNullable(row.get("oldest", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)))
                .one();
    }

    private static String cut(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }

    private static QueuedMail read(Readable row) {
        Number validForMs = row.get("valid_for_ms", Number.class);
        MailOutboxRow mail = new MailOutboxRow(
                row.get("user_id", UUID.class),
                row.get("kind", String.class),
                row.get("recipient", String.class),
                row.get("username", String.class),
                row.get("language_tag", String.class),
                row.get("link", String.class),
                validForMs == null ? null : validForMs.longValue(),
                row.get("occurred_at", OffsetDateTime.class),
                row.get("client_address", String.class),
                row.get("user_agent", String.class));
        return new QueuedMail(
                row.get("id", Number.class).longValue(),
                MailOutboxMapper.toDomain(mail),
                row.get("attempts", Number.class).intValue(),
                row.get("queued_at", OffsetDateTime.class).toInstant());
    }
}
