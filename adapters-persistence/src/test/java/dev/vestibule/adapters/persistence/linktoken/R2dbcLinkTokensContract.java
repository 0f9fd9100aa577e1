package dev.vestibule.adapters.persistence.linktoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The port's contract plus what only the database shows: a link cannot outlive its user's row, and the table
 * holds the token's hash, never the token. Subclasses choose the database.
 */
abstract class R2dbcLinkTokensContract extends LinkTokensContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2090-01-01T00:00:00Z");

    @Autowired
    private LinkTokens linkTokens;

    @Autowired
    private UserRepository users;

    @Autowired
    private DatabaseClient databaseClient;

    @Autowired
    private Transactions transactions;

    @Autowired
    private MailOutbox outbox;

    @Override
    protected LinkTokens linkTokens() {
        return linkTokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void linkTokensIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(linkTokens)).isInstanceOf(R2dbcLinkTokens.class);
    }

    @Test
    void issueWhenUserDoesNotExistThenFails() {
        IssuedLink orphan = IssuedLink.issue(
                LinkToken.generate(RANDOM),
                LinkPurpose.PASSWORD_RESET,
                UserId.random(),
                new EmailAddress("nobody@example.com"),
                NOW,
                Duration.ofHours(1));

        StepVerifier.create(linkTokens.issue(orphan)).expectError().verify(Duration.ofSeconds(30));
    }

    @Test
    void tableHoldsTheHashNeverTheToken() {
        LinkToken token = LinkToken.generate(RANDOM);
        UserId user = StoredUsers.storedIn(users, NOW);
        StepVerifier.create(linkTokens.issue(IssuedLink.issue(
                        token,
                        LinkPurpose.PASSWORD_RESET,
                        user,
                        new EmailAddress("someone@example.com"),
                        NOW,
                        Duration.ofHours(1))))
                .verifyComplete();

        StepVerifier.create(databaseClient
                        .sql("SELECT token_hash FROM link_tokens WHERE user_id = :userId")
                        .bind("userId", user.value())
                        .map(row -> row.get("token_hash", String.class))
                        .all())
                .expectNext(token.hash())
                .verifyComplete();
    }

    @Test
    void aLinkAndItsMailWrittenInOneTransactionCommitTogetherOrNotAtAll() {
        UserId user = StoredUsers.storedIn(users, NOW);
        EmailAddress to = new EmailAddress("together-" + user.value() + "@example.com");
        LinkToken kept = LinkToken.generate(RANDOM);
        LinkToken rolledBack = LinkToken.generate(RANDOM);

        StepVerifier.create(transactions.inTransaction(linkTokens
                        .issue(IssuedLink.issue(kept, LinkPurpose.PASSWORD_RESET, user, to, NOW, Duration.ofHours(1)))
                        .then(outbox.enqueue(mail(user, to, kept), NOW))))
                .verifyComplete();
        StepVerifier.create(transactions.inTransaction(linkTokens
                        .issue(IssuedLink.issue(
                                rolledBack, LinkPurpose.PASSWORD_RESET, user, to, NOW, Duration.ofHours(1)))
                        .then(outbox.enqueue(mail(user, to, rolledBack), NOW))
                        .then(Mono.error(new IllegalStateException("the change failed after both writes")))))
                .expectError(IllegalStateException.class)
                .verify(Duration.ofSeconds(30));

        StepVerifier.create(linkTokens.findValid(kept.hash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(linkTokens.findValid(rolledBack.hash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
        StepVerifier.create(databaseClient
                        .sql("SELECT count(*) AS n FROM mail_outbox WHERE recipient = :to")
                        .bind("to", to.value())
                        .map(row -> row.get("n", Long.class))
                        .one())
                .expectNext(1L)
                .verifyComplete();
    }

    private static PasswordResetLink mail(UserId user, EmailAddress to, LinkToken token) {
        return new PasswordResetLink(
                user,
                to,
                new Username("together"),
                "en",
                "https://vestibule.test/password-reset/" + token.value(),
                Duration.ofHours(1));
    }

    @Test
    void deletingTheUserDeletesTheirLinks() {
        UserId user = StoredUsers.storedIn(users, NOW);
        IssuedLink link = IssuedLink.issue(
                LinkToken.generate(RANDOM),
                LinkPurpose.PASSWORD_RESET,
                user,
                new EmailAddress("someone@example.com"),
                NOW,
                Duration.ofHours(1));
        StepVerifier.create(linkTokens.issue(link)).verifyComplete();

        StepVerifier.create(databaseClient
                        .sql("DELETE FROM users WHERE id = :id")
                        .bind("id", user.value())
                        .fetch()
                        .rowsUpdated())
                .expectNext(1L)
                .verifyComplete();

        StepVerifier.create(linkTokens.findValid(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
    }
}
