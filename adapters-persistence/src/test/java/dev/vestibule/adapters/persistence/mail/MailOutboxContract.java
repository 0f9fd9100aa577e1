package dev.vestibule.adapters.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailOutboxStats;
import dev.vestibule.domain.port.out.QueuedMail;
import dev.vestibule.domain.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link MailOutbox} promises, run against the in-memory fake, H2 and PostgreSQL. Each test starts
 * from an empty outbox (the database suites empty the table first), since a claim takes whatever is due.
 */
@Timeout(120)
abstract class MailOutboxContract {

    /** Microsecond precision, what both PostgreSQL and H2 keep. */
    protected static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    protected static final Duration LEASE = Duration.ofMinutes(5);
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected abstract MailOutbox outbox();

    /** Transactions over the same store as {@link #outbox()}. */
    protected abstract Transactions transactions();

    @Test
    void enqueueThenClaimReturnsEachKindOfMailAsQueuedWithOneAttempt() {
        List<Mail> mails = List.of(
                resetLink(UserId.random()),
                confirmationLink(UserId.random()),
                notice(UserId.random(), Notice.REMEMBERED_BROWSER_THEFT));
        mails.forEach(mail -> enqueue(mail, NOW));

        List<QueuedMail> claimed = claim(NOW, 10);

        assertThat(claimed).extracting(QueuedMail::mail).containsExactlyElementsOf(mails);
        assertThat(claimed).allSatisfy(queued -> {
            assertThat(queued.attempts()).isEqualTo(1);
            assertThat(queued.queuedAt()).isEqualTo(NOW);
        });
        assertThat(claimed).extracting(QueuedMail::id).doesNotHaveDuplicates();
    }

    @Test
    void claimWhenHeldByALeaseThenNotClaimedAgainUntilTheLeaseEnds() {
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);
        assertThat(claim(NOW, 10)).hasSize(1);

        assertThat(claim(NOW, 10)).isEmpty();
        assertThat(claim(NOW.plus(LEASE).minusNanos(1_000), 10)).isEmpty();
        List<QueuedMail> again = claim(NOW.plus(LEASE), 10);

        assertThat(again).hasSize(1);
        assertThat(again.get(0).attempts())
                .as("a claim whose instance died counts as an attempt")
                .isEqualTo(2);
    }

    @Test
    void claimTakesAtMostTheLimitOldestFirst() {
        List<Mail> mails = IntStream.range(0, 5)
                .mapToObj(i -> (Mail) notice(UserId.random(), Notice.PASSWORD_RESET))
                .toList();
        for (int i = 0; i < mails.size(); i++) {
            enqueue(mails.get(i), NOW.minusSeconds(mails.size() - i));
        }

        assertThat(claim(NOW, 2)).extracting(QueuedMail::mail).containsExactly(mails.get(0), mails.get(1));
        assertThat(claim(NOW, 10))
                .extracting(QueuedMail::mail)
                .containsExactly(mails.get(2), mails.get(3), mails.get(4));
    }

    @Test
    void claimWhenQueuedLaterThanNowThenNotYetDue() {
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW.plusSeconds(1));

        assertThat(claim(NOW, 10)).isEmpty();
        assertThat(claim(NOW.plusSeconds(1), 10)).hasSize(1);
    }

    @Test
    void deliveredIsNeverClaimedAgainAndNoLongerWaits() {
        enqueue(resetLink(UserId.random()), NOW);
        QueuedMail claimed = claim(NOW, 10).get(0);

        StepVerifier.create(outbox().delivered(claimed.id(), NOW))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(claim(NOW.plus(LEASE).plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(stats()).isEqualTo(MailOutboxStats.EMPTY);
    }

    @Test
    void failedIsDueAgainAtItsRetryTimeWithTheAttemptsCounted() {
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);
        QueuedMail first = claim(NOW, 10).get(0);
        Instant retryAt = NOW.plusSeconds(30);

        StepVerifier.create(outbox().failed(first.id(), retryAt, "MailSendException: connection refused"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(claim(retryAt.minusNanos(1_000), 10)).isEmpty();
        List<QueuedMail> second = claim(retryAt, 10);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).id()).isEqualTo(first.id());
        assertThat(second.get(0).attempts()).isEqualTo(2);
        assertThat(stats()).isEqualTo(new MailOutboxStats(1, Optional.of(NOW)));
    }

    @Test
    void gaveUpIsNeverClaimedAgainAndNoLongerWaits() {
        enqueue(confirmationLink(UserId.random()), NOW);
        QueuedMail claimed = claim(NOW, 10).get(0);

        StepVerifier.create(outbox().gaveUp(claimed.id(), "gave up after 25 attempts"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(claim(NOW.plus(Duration.ofDays(30)), 10)).isEmpty();
        assertThat(stats()).isEqualTo(MailOutboxStats.EMPTY);
    }

    @Test
    void discardQueuedForDropsTheUsersWaitingMailButTheKeptKind() {
        UserId deleted = UserId.random();
        UserId other = UserId.random();
        SecurityNotice deletionNotice = notice(deleted, Notice.ACCOUNT_DELETED);
        SecurityNotice othersNotice = notice(other, Notice.PASSWORD_CHANGED);
        enqueue(resetLink(deleted), NOW);
        enqueue(notice(deleted, Notice.PASSWORD_CHANGED), NOW);
        enqueue(deletionNotice, NOW);
        enqueue(othersNotice, NOW);

        StepVerifier.create(outbox().discardQueuedFor(deleted, MailKind.ACCOUNT_DELETED_NOTICE))
                .expectNext(2L)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(claim(NOW, 10)).extracting(QueuedMail::mail).containsExactlyInAnyOrder(deletionNotice, othersNotice);
    }

    @Test
    void removeFinishedOlderThanDeletesDeliveredAndGivenUpMailQueuedBeforeTheCutoffOnly() {
        Instant old = NOW.minus(Duration.ofDays(10));
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), old);
        enqueue(notice(UserId.random(), Notice.PASSWORD_RESET), old);
        enqueue(notice(UserId.random(), Notice.SECOND_FACTOR_CHANGED), old);
        List<QueuedMail> claimed = claim(old, 2);
        StepVerifier.create(outbox().delivered(claimed.get(0).id(), old))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(outbox().gaveUp(claimed.get(1).id(), "too old"))
                .expectComplete()
                .verify(TIMEOUT);
        enqueue(notice(UserId.random(), Notice.RECOVERY_CODE_USED), NOW);
        QueuedMail recent = claim(NOW.plus(LEASE), 10).stream()
                .filter(queued -> queued.queuedAt().equals(NOW))
                .findFirst()
                .orElseThrow();
        StepVerifier.create(outbox().delivered(recent.id(), NOW))
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(outbox().removeFinishedOlderThan(old))
                .expectNext(0L)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(outbox().removeFinishedOlderThan(NOW.minus(Duration.ofDays(7))))
                .expectNext(2L)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(stats().queued()).as("the mail still waiting stays").isEqualTo(1);
    }

    @Test
    void statsCountsTheWaitingMailAndTheOldest() {
        assertThat(stats()).isEqualTo(MailOutboxStats.EMPTY);
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW.minusSeconds(90));
        enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW);

        assertThat(stats()).isEqualTo(new MailOutboxStats(2, Optional.of(NOW.minusSeconds(90))));
        assertThat(stats().oldestWaiting(NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aTransactionThatFailsLeavesNoQueuedMail() {
        Mono<Void> work = outbox().enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW)
                .then(Mono.error(new IllegalStateException("the change failed after its mail was written")));

        StepVerifier.create(transactions().inTransaction(work))
                .expectErrorMessage("the change failed after its mail was written")
                .verify(TIMEOUT);

        assertThat(stats()).isEqualTo(MailOutboxStats.EMPTY);
        assertThat(claim(NOW, 10)).isEmpty();
    }

    @Test
    void aTransactionThatCompletesKeepsItsMail() {
        SecurityNotice mail = notice(UserId.random(), Notice.PASSWORD_CHANGED);

        StepVerifier.create(
                        transactions().inTransaction(outbox().enqueue(mail, NOW).thenReturn("done")))
                .expectNext("done")
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(claim(NOW, 10)).extracting(QueuedMail::mail).containsExactly(mail);
    }

    @Test
    void concurrentClaimsNeverReturnTheSameMail() {
        int mails = 40;
        IntStream.range(0, mails).forEach(i -> enqueue(notice(UserId.random(), Notice.PASSWORD_CHANGED), NOW));

        // Eight claimers at once, each on its own thread (and, on a database, its own connection).
        List<QueuedMail> claimed = Flux.merge(IntStream.range(0, 8)
                        .mapToObj(i -> outbox().claimDue(NOW, 7, LEASE).subscribeOn(Schedulers.boundedElastic()))
                        .toList())
                .collectList()
                .block(TIMEOUT);

        Set<Long> ids = new HashSet<>();
        claimed.forEach(queued -> assertThat(ids.add(queued.id()))
                .as("mail %d claimed twice", queued.id())
                .isTrue());
        assertThat(ids).hasSizeLessThanOrEqualTo(mails);
        // Whatever a claimer skipped is still there for the next round.
        assertThat(ids.size() + claim(NOW, mails).size()).isEqualTo(mails);
    }

    protected void enqueue(Mail mail, Instant now) {
        StepVerifier.create(outbox().enqueue(mail, now)).expectComplete().verify(TIMEOUT);
    }

    protected List<QueuedMail> claim(Instant now, int limit) {
        return outbox().claimDue(now, limit, LEASE).collectList().block(TIMEOUT);
    }

    protected MailOutboxStats stats() {
        return outbox().stats().block(TIMEOUT);
    }

    protected static PasswordResetLink resetLink(UserId user) {
        return new PasswordResetLink(
                user,
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                "en",
                "https://vestibule.example/password-reset/" + user.value(),
                Duration.ofHours(1));
    }

    protected static EmailConfirmationLink confirmationLink(UserId user) {
        return new EmailConfirmationLink(
                user,
                new EmailAddress("bernd@example.de"),
                new Username("Bernd"),
                "de",
                "https://vestibule.example/email-confirmation/" + user.value(),
                Duration.ofHours(24));
    }

    protected static SecurityNotice notice(UserId user, Notice notice) {
        return new SecurityNotice(
                user,
                new EmailAddress("carol@example.com"),
                new Username("carol"),
                "en",
                notice,
                NOW.minusSeconds(3),
                new Origin("2001:db8::7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"));
    }
}
