package dev.vestibule.adapters.persistence.linktoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link LinkTokens} promises, run against the in-memory fake and the R2DBC adapter (H2 and
 * PostgreSQL). Each test makes its own user and links, so tests share a database in any order.
 */
@Timeout(120)
abstract class LinkTokensContract {

    /** Microsecond precision, what PostgreSQL and H2 keep; far in the future so no other test's link expires. */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EmailAddress TO = new EmailAddress("someone@example.com");

    protected abstract LinkTokens linkTokens();

    /** Links belong to stored users (the database enforces it). */
    protected abstract UserRepository users();

    @Test
    void issueThenFindValidReturnsTheLinkAsStored() {
        IssuedLink link = resetLink(storedUser());
        issue(link);

        StepVerifier.create(linkTokens().findValid(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(link)
                .verifyComplete();
    }

    @Test
    void findValidWhenUnknownThenEmpty() {
        StepVerifier.create(linkTokens().findValid(LinkToken.generate(RANDOM).hash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
    }

    @Test
    void findValidWhenAskedForTheOtherPurposeThenEmpty() {
        IssuedLink reset = resetLink(storedUser());
        IssuedLink confirmation = link(storedUser(), LinkPurpose.EMAIL_CONFIRMATION, NOW, LIFETIME);
        issue(reset);
        issue(confirmation);

        StepVerifier.create(linkTokens().findValid(reset.tokenHash(), LinkPurpose.EMAIL_CONFIRMATION, NOW))
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(confirmation.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
        StepVerifier.create(linkTokens().spend(reset.tokenHash(), LinkPurpose.EMAIL_CONFIRMATION, NOW))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(reset.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(reset)
                .verifyComplete();
    }

    @Test
    void findValidWhenExpiredThenEmptyFromTheExpiryInstantOn() {
        IssuedLink link = resetLink(storedUser());
        issue(link);

        StepVerifier.create(linkTokens()
                        .findValid(
                                link.tokenHash(),
                                LinkPurpose.PASSWORD_RESET,
                                link.expiresAt().minusNanos(1_000)))
                .expectNext(link)
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(link.tokenHash(), LinkPurpose.PASSWORD_RESET, link.expiresAt()))
                .verifyComplete();
    }

    @Test
    void spendWhenValidThenWinsOnceAndTheLinkIsNoLongerFound() {
        IssuedLink link = resetLink(storedUser());
        issue(link);

        StepVerifier.create(linkTokens().spend(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(linkTokens().spend(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW.plusSeconds(1)))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
    }

    @Test
    void spendWhenExpiredThenLoses() {
        IssuedLink link = resetLink(storedUser());
        issue(link);

        StepVerifier.create(linkTokens().spend(link.tokenHash(), LinkPurpose.PASSWORD_RESET, link.expiresAt()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void spendWhenUnknownThenLoses() {
        StepVerifier.create(linkTokens().spend(LinkToken.generate(RANDOM).hash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void spendWhenManyRaceThenExactlyOneWins() {
        IssuedLink link = resetLink(storedUser());
        issue(link);

        // Each on its own thread, so that the updates really overlap in the store.
        List<Boolean> outcomes = Flux.merge(IntStream.range(0, 16)
                        .mapToObj(i -> linkTokens()
                                .spend(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW)
                                .subscribeOn(Schedulers.boundedElastic()))
                        .toList())
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(16).containsOnlyOnce(true);
    }

    @Test
    void spendAllForSpendsTheUsersUnspentLinksOfThatPurposeOnly() {
        UserId user = storedUser();
        UserId other = storedUser();
        IssuedLink first = resetLink(user);
        IssuedLink second = resetLink(user);
        IssuedLink alreadySpent = resetLink(user);
        IssuedLink confirmation = link(user, LinkPurpose.EMAIL_CONFIRMATION, NOW, LIFETIME);
        IssuedLink othersReset = resetLink(other);
        List.of(first, second, alreadySpent, confirmation, othersReset).forEach(this::issue);
        StepVerifier.create(linkTokens().spend(alreadySpent.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(linkTokens().spendAllFor(user, LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(2L)
                .verifyComplete();

        StepVerifier.create(linkTokens().findValid(first.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(second.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(confirmation.tokenHash(), LinkPurpose.EMAIL_CONFIRMATION, NOW))
                .expectNext(confirmation)
                .verifyComplete();
        StepVerifier.create(linkTokens().findValid(othersReset.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(othersReset)
                .verifyComplete();
    }

    @Test
    void spendAllForWhenNothingUnspentThenZero() {
        StepVerifier.create(linkTokens().spendAllFor(storedUser(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void issueWhenTokenHashAlreadyStoredThenFailsAndKeepsTheFirst() {
        UserId user = storedUser();
        IssuedLink link = resetLink(user);
        issue(link);
        IssuedLink sameHash = new IssuedLink(
                link.tokenHash(),
                LinkPurpose.EMAIL_CONFIRMATION,
                user,
                new EmailAddress("other@example.com"),
                NOW,
                NOW.plus(LIFETIME));

        StepVerifier.create(linkTokens().issue(sameHash)).expectError().verify(TIMEOUT);
        StepVerifier.create(linkTokens().findValid(link.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(link)
                .verifyComplete();
    }

    @Test
    void removeExpiredDeletesLinksExpiredAtOrBeforeNowSpentOrNotAndReturnsHowMany() {
        // Long before NOW: no other test's link expires in this window.
        Instant now = Instant.parse("2001-02-03T04:05:06.789012Z");
        UserId user = storedUser();
        IssuedLink expiredEarlier = link(user, LinkPurpose.PASSWORD_RESET, now.minus(Duration.ofDays(1)), LIFETIME);
        IssuedLink expiringNow = link(user, LinkPurpose.EMAIL_CONFIRMATION, now.minus(LIFETIME), LIFETIME);
        IssuedLink stillValid =
                link(user, LinkPurpose.PASSWORD_RESET, now.minus(LIFETIME).plusNanos(1_000), LIFETIME);
        List.of(expiredEarlier, expiringNow, stillValid).forEach(this::issue);
        StepVerifier.create(linkTokens()
                        .spend(expiredEarlier.tokenHash(), LinkPurpose.PASSWORD_RESET, expiredEarlier.issuedAt()))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(linkTokens().removeExpired(now)).expectNext(2L).verifyComplete();
        StepVerifier.create(linkTokens().findValid(stillValid.tokenHash(), LinkPurpose.PASSWORD_RESET, now))
                .expectNext(stillValid)
                .verifyComplete();
        StepVerifier.create(linkTokens().removeExpired(now)).expectNext(0L).verifyComplete();
    }

    private void issue(IssuedLink link) {
        StepVerifier.create(linkTokens().issue(link)).expectComplete().verify(TIMEOUT);
    }

    private UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }

    private static IssuedLink resetLink(UserId user) {
        return link(user, LinkPurpose.PASSWORD_RESET, NOW, LIFETIME);
    }

    private static IssuedLink link(UserId user, LinkPurpose purpose, Instant issuedAt, Duration lifetime) {
        return IssuedLink.issue(LinkToken.generate(RANDOM), purpose, user, TO, issuedAt, lifetime);
    }
}
