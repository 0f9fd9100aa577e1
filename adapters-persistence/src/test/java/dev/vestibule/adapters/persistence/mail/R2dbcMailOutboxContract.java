package dev.vestibule.adapters.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.adapters.persistence.transaction.R2dbcTransactions;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.QueuedMail;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The outbox contract plus what only the database shows: the link is forgotten once a mail is done. */
abstract class R2dbcMailOutboxContract extends MailOutboxContract {

    @Autowired
    private MailOutbox outbox;

    @Autowired
    private Transactions transactions;

    @Autowired
    protected DatabaseClient databaseClient;

    @Autowired
    private UserRepository users;

    @Override
    protected MailOutbox outbox() {
        return outbox;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @BeforeEach
    void emptyOutbox() {
        databaseClient.sql("DELETE FROM mail_outbox").fetch().rowsUpdated().block(TIMEOUT);
    }

    @Test
    void theBeansAreTheR2dbcAdapters() {
        assertThat(DatabaseOutages.adapterBehind(outbox)).isInstanceOf(R2dbcMailOutbox.class);
        assertThat(DatabaseOutages.adapterBehind(transactions)).isInstanceOf(R2dbcTransactions.class);
    }

    @Test
    void deliveredOrGivenUpMailKeepsNoLink() {
        enqueue(resetLink(UserId.random()), NOW);
        enqueue(confirmationLink(UserId.random()), NOW);
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);
        var claimed = claim(NOW, 10);
        outbox.delivered(claimed.get(0).id(), NOW).block(TIMEOUT);
        outbox.gaveUp(claimed.get(1).id(), "expired").block(TIMEOUT);

        assertThat(databaseClient
                        .sql("SELECT COUNT(*) AS n FROM mail_outbox WHERE link IS NOT NULL")
                        .map(row -> row.get("n", Number.class).longValue())
                        .one()
                        .block(TIMEOUT))
                .isZero();
        assertThat(databaseClient
                        .sql("SELECT status, attempts, last_error FROM mail_outbox ORDER BY id")
                        .map(row -> row.get("status", String.class) + "/" + row.get("attempts", Number.class) + "/"
                                + row.get("last_error", String.class))
                        .all()
                        .collectList()
                        .block(TIMEOUT))
                .containsExactly("SENT/1/null", "FAILED/1/expired", "QUEUED/1/null");
        assertThat(claimed).extracting(QueuedMail::attempts).containsOnly(1);
    }

    @Test
    void aLinkMailRequeuedByHandWithoutItsLinkIsNeverClaimedAndShowsAsWaiting() {
        enqueue(resetLink(UserId.random()), NOW);
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);
        for (QueuedMail claimed : claim(NOW, 10)) {
            outbox.gaveUp(claimed.id(), "gave up").block(TIMEOUT);
        }
        databaseClient
                .sql("UPDATE mail_outbox SET status = 'QUEUED'")
                .fetch()
                .rowsUpdated()
                .block(TIMEOUT);

        assertThat(claim(NOW, 10))
                .extracting(queued -> queued.mail().kind())
                .containsExactly(dev.vestibule.domain.model.mail.MailKind.PASSWORD_CHANGED_NOTICE);
        assertThat(stats().queued()).isEqualTo(2);
    }

    @Test
    void aChangeAndItsMailCommitTogetherOrNeither() {
        User kept = newUser();
        User rolledBack = newUser();
        var keptMail = notice(kept.id(), Notice.PASSWORD_CHANGED);

        transactions
                .inTransaction(users.add(kept).then(outbox.enqueue(keptMail, NOW)))
                .block(TIMEOUT);
        StepVerifier.create(transactions.inTransaction(users.add(rolledBack)
                        .then(outbox.enqueue(notice(rolledBack.id(), Notice.PASSWORD_CHANGED), NOW))
                        .then(Mono.error(new IllegalStateException("a later step of the change failed")))))
                .expectErrorMessage("a later step of the change failed")
                .verify(TIMEOUT);

        assertThat(users.findById(kept.id()).block(TIMEOUT)).isNotNull();
        assertThat(users.findById(rolledBack.id()).blockOptional(TIMEOUT)).isEmpty();
        assertThat(claim(NOW, 10)).extracting(QueuedMail::mail).containsExactly(keptMail);
    }

    private static User newUser() {
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        return User.registerWithPassword(
                new Username("u" + name), new EmailAddress(name + "@example.com"), new PasswordHash("{test}x"), NOW);
    }
}
