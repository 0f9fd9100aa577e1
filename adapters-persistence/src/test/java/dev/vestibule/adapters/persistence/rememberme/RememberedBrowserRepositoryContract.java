package dev.vestibule.adapters.persistence.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
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
 * What every {@link RememberedBrowserRepository} promises, run against the in-memory fake and the R2DBC
 * adapter. Each test makes its own user and devices, so tests share a database in any order.
 */
@Timeout(120)
abstract class RememberedBrowserRepositoryContract {

    /**
     * Microsecond precision, what both PostgreSQL and H2 keep. Far in the future, so that only
     * {@link #removeExpiredDeletesDevicesExpiredAtOrBeforeNowAndReturnsHowMany} sees expired devices,
     * even in a database other tests share.
     */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Origin ROTATING_BROWSER = new Origin("198.51.100.20", "Mozilla/5.0 Chrome/140.0");

    protected abstract RememberedBrowserRepository repository();

    /** Devices belong to stored users (the database enforces it). */
    protected abstract UserRepository users();

    // account deletion
    @Test
    void removeAllOfDeletesEveryDeviceOfThatUserOnly() {
        UserId user = storedUser();
        RememberedBrowser first = newDevice(user);
        RememberedBrowser second = newDevice(user);
        RememberedBrowser others = newDevice(storedUser());
        add(first);
        add(second);
        add(others);

        StepVerifier.create(repository().removeAllOf(user))
                .expectNext(2L)
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(repository().findBySeries(first.series()))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().findBySeries(second.series()))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().findBySeries(others.series()))
                .expectNext(others)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void addThenFindBySeriesReturnsTheDeviceAsStored() {
        RememberedBrowser device = newDevice(storedUser());

        StepVerifier.create(repository().add(device)).verifyComplete();
        StepVerifier.create(repository().findBySeries(device.series()))
                .expectNext(device)
                .verifyComplete();
    }

    @Test
    void findBySeriesWhenUnknownThenEmpty() {
        StepVerifier.create(repository()
                        .findBySeries(RememberMeToken.generate(RANDOM).series()))
                .verifyComplete();
    }

    @Test
    void addWhenSeriesAlreadyStoredThenFailsAndKeepsTheFirst() {
        RememberedBrowser device = newDevice(storedUser());
        add(device);
        RememberedBrowser sameSeries = new RememberedBrowser(
                device.series(),
                device.userId(),
                RememberMeToken.generate(RANDOM).secretHash(),
                null,
                NOW,
                NOW.plus(LIFETIME),
                device.securityStamp(),
                NOW,
                Origin.unknown());

        StepVerifier.create(repository().add(sameSeries)).expectError().verify(TIMEOUT);
        StepVerifier.create(repository().findBySeries(device.series()))
                .expectNext(device)
                .verifyComplete();
    }

    @Test
    void replaceWhenStoredSecretIsCurrentThenWinsAndStoresNext() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser current = remember(token, storedUser(), NOW, LIFETIME);
        add(current);
        RememberedBrowser next = current.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(60));

        StepVerifier.create(repository().replace(current, next))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().findBySeries(current.series()))
                .assertNext(stored -> {
                    assertThat(stored).isEqualTo(next);
                    assertThat(stored.previousSecretHash()).isEqualTo(current.secretHash());
                    assertThat(stored.graceBrowser()).isEqualTo(next.browserHash(ROTATING_BROWSER));
                    assertThat(stored.graceUses()).isZero();
                })
                .verifyComplete();
    }

    // issue 13 finding 1: the remember-me grace window

    @Test
    void replaceAfterGraceUsesStoresTheNewRotatingBrowserAndStartsTheCountAgain() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        RememberMeToken second = token.rotate(RANDOM);
        RememberedBrowser rotated = original.rotatedTo(second, ROTATING_BROWSER, NOW.plusSeconds(1));
        StepVerifier.create(repository().replace(original, rotated))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().spendGraceUse(rotated, 3))
                .expectNext(true)
                .verifyComplete();
        RememberedBrowser used = repository().findBySeries(original.series()).block(TIMEOUT);
        Origin elsewhere = new Origin("192.0.2.4", "Mozilla/5.0 Firefox/140.0");
        RememberedBrowser again = used.rotatedTo(second.rotate(RANDOM), elsewhere, NOW.plusSeconds(60));

        StepVerifier.create(repository().replace(used, again)).expectNext(true).verifyComplete();

        StepVerifier.create(repository().findBySeries(original.series()))
                .assertNext(stored -> {
                    assertThat(stored).isEqualTo(again);
                    assertThat(stored.graceBrowser()).isEqualTo(again.browserHash(elsewhere));
                    assertThat(stored.graceUses()).isZero();
                })
                .verifyComplete();
    }

    @Test
    void spendGraceUseCountsUpToTheAllowanceThenRefusesAndKeepsTheRest() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        RememberedBrowser rotated = original.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(1));
        StepVerifier.create(repository().replace(original, rotated))
                .expectNext(true)
                .verifyComplete();

        List<Boolean> outcomes = IntStream.range(0, 4)
                .mapToObj(i -> repository().spendGraceUse(rotated, 3).block(TIMEOUT))
                .toList();

        assertThat(outcomes).containsExactly(true, true, true, false);
        StepVerifier.create(repository().findBySeries(original.series()))
                .assertNext(stored -> {
                    assertThat(stored.graceUses()).isEqualTo(3);
                    assertThat(stored.secretHash()).isEqualTo(rotated.secretHash());
                    assertThat(stored.previousSecretHash()).isEqualTo(rotated.previousSecretHash());
                    assertThat(stored.graceBrowser()).isEqualTo(rotated.graceBrowser());
                })
                .verifyComplete();
    }

    @Test
    void spendGraceUseWhenParallelUsesRaceThenExactlyTheAllowanceWins() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        RememberedBrowser rotated = original.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(1));
        StepVerifier.create(repository().replace(original, rotated))
                .expectNext(true)
                .verifyComplete();

        // Each on its own thread, so that the updates really overlap in the store.
        List<Boolean> outcomes = Flux.merge(IntStream.range(0, 12)
                        .mapToObj(i -> repository().spendGraceUse(rotated, 5).subscribeOn(Schedulers.boundedElastic()))
                        .toList())
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(12);
        assertThat(outcomes.stream().filter(Boolean::booleanValue).count()).isEqualTo(5);
        StepVerifier.create(repository().findBySeries(original.series()))
                .assertNext(stored -> assertThat(stored.graceUses()).isEqualTo(5))
                .verifyComplete();
    }

    @Test
    void spendGraceUseWhenTheSecretRotatedAgainOrTheSeriesIsGoneThenRefused() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        RememberMeToken second = token.rotate(RANDOM);
        RememberedBrowser rotated = original.rotatedTo(second, ROTATING_BROWSER, NOW.plusSeconds(1));
        RememberedBrowser rotatedAgain = rotated.rotatedTo(second.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(2));
        StepVerifier.create(repository().replace(original, rotated))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().replace(rotated, rotatedAgain))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(repository().spendGraceUse(rotated, 3))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(repository().findBySeries(original.series()))
                .assertNext(stored -> assertThat(stored.graceUses()).isZero())
                .verifyComplete();
        StepVerifier.create(repository().remove(original.series())).verifyComplete();
        StepVerifier.create(repository().spendGraceUse(rotatedAgain, 3))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void replaceWhenCurrentIsStaleThenLosesAndKeepsTheWinner() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        RememberedBrowser winner = original.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(1));
        RememberedBrowser loser = original.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(2));

        StepVerifier.create(repository().replace(original, winner))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().replace(original, loser))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(repository().findBySeries(original.series()))
                .expectNext(winner)
                .verifyComplete();
    }

    @Test
    void replaceWhenRotationsRaceThenExactlyOneWins() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser original = remember(token, storedUser(), NOW, LIFETIME);
        add(original);
        List<RememberedBrowser> candidates = IntStream.range(0, 8)
                .mapToObj(i -> original.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW.plusSeconds(i)))
                .toList();

        // Each on its own thread, so that the updates really overlap in the store.
        List<Boolean> outcomes = Flux.merge(candidates.stream()
                        .map(next -> repository().replace(original, next).subscribeOn(Schedulers.boundedElastic()))
                        .toList())
                .collectList()
                .block(TIMEOUT);

        assertThat(outcomes).hasSize(candidates.size()).containsOnlyOnce(true);
        StepVerifier.create(repository().findBySeries(original.series()))
                .assertNext(stored -> assertThat(candidates).contains(stored))
                .verifyComplete();
    }

    @Test
    void replaceWhenSeriesUnknownThenLoses() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser neverStored = remember(token, storedUser(), NOW, LIFETIME);

        StepVerifier.create(repository()
                        .replace(neverStored, neverStored.rotatedTo(token.rotate(RANDOM), ROTATING_BROWSER, NOW)))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(repository().findBySeries(neverStored.series())).verifyComplete();
    }

    @Test
    void removeThenFindBySeriesIsEmptyAndOtherDevicesStay() {
        UserId user = storedUser();
        RememberedBrowser removed = newDevice(user);
        RememberedBrowser kept = newDevice(user);
        add(removed);
        add(kept);

        StepVerifier.create(repository().remove(removed.series())).verifyComplete();
        StepVerifier.create(repository().findBySeries(removed.series())).verifyComplete();
        StepVerifier.create(repository().findBySeries(kept.series()))
                .expectNext(kept)
                .verifyComplete();
    }

    @Test
    void removeWhenUnknownThenCompletes() {
        StepVerifier.create(repository().remove(RememberMeToken.generate(RANDOM).series()))
                .verifyComplete();
    }

    @Test
    void removeExpiredDeletesDevicesExpiredAtOrBeforeNowAndReturnsHowMany() {
        // Long before NOW: no other test's device expires in this window.
        Instant now = Instant.parse("2001-02-03T04:05:06.789012Z");
        UserId user = storedUser();
        RememberedBrowser expiredEarlier = deviceExpiringAt(user, now.minus(Duration.ofDays(1)));
        RememberedBrowser expiringNow = deviceExpiringAt(user, now);
        RememberedBrowser stillValid = deviceExpiringAt(user, now.plusNanos(1_000));
        add(expiredEarlier);
        add(expiringNow);
        add(stillValid);

        StepVerifier.create(repository().removeExpired(now)).expectNext(2L).verifyComplete();
        StepVerifier.create(repository().findBySeries(expiredEarlier.series())).verifyComplete();
        StepVerifier.create(repository().findBySeries(expiringNow.series())).verifyComplete();
        StepVerifier.create(repository().findBySeries(stillValid.series()))
                .expectNext(stillValid)
                .verifyComplete();
    }

    @Test
    void removeExpiredWhenNothingExpiredThenZero() {
        StepVerifier.create(repository().removeExpired(Instant.parse("1971-01-01T00:00:00Z")))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void findByUserListsOnlyThatUsersBrowsersOldestFirstWithStampAndOrigin() {
        UserId alice = storedUser();
        UserId bob = storedUser();
        RememberedBrowser laptop = remember(RememberMeToken.generate(RANDOM), alice, NOW, LIFETIME);
        RememberedBrowser phone = remember(RememberMeToken.generate(RANDOM), alice, NOW.plusSeconds(60), LIFETIME);
        add(phone);
        add(laptop);
        add(newDevice(bob));

        StepVerifier.create(repository().findByUser(alice).collectList())
                .assertNext(found -> assertThat(found).containsExactly(laptop, phone))
                .verifyComplete();
        StepVerifier.create(repository().findByUser(UserId.random())).verifyComplete();
    }

    @Test
    void restampKeepsTheBrowserUnderTheNewStampOnlyForItsOwnUser() {
        UserId alice = storedUser();
        RememberedBrowser device = newDevice(alice);
        add(device);
        SecurityStamp next = SecurityStamp.random();

        StepVerifier.create(repository().restamp(storedUser(), device.series(), SecurityStamp.random()))
                .as("another user's browser")
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(repository().restamp(alice, device.series(), next))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().findBySeries(device.series()))
                .expectNext(device.restamped(next))
                .verifyComplete();
        StepVerifier.create(repository().restamp(alice, "unknown", next))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void removeAllOfForgetsEveryBrowserOfTheUserButTheOneKept() {
        UserId alice = storedUser();
        UserId bob = storedUser();
        RememberedBrowser kept = newDevice(alice);
        add(kept);
        add(newDevice(alice));
        add(newDevice(alice));
        RememberedBrowser bobs = newDevice(bob);
        add(bobs);

        StepVerifier.create(repository().removeAllOf(alice, kept.series()))
                .expectNext(2L)
                .verifyComplete();
        StepVerifier.create(repository().findByUser(alice)).expectNext(kept).verifyComplete();
        StepVerifier.create(repository().removeAllOf(alice, null))
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(repository().findByUser(alice)).verifyComplete();
        StepVerifier.create(repository().findBySeries(bobs.series()))
                .as("another user's browser stays")
                .expectNext(bobs)
                .verifyComplete();
    }

    private void add(RememberedBrowser device) {
        StepVerifier.create(repository().add(device)).expectComplete().verify(TIMEOUT);
    }

    private UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }

    private static RememberedBrowser newDevice(UserId user) {
        return remember(RememberMeToken.generate(RANDOM), user, NOW, LIFETIME);
    }

    private static RememberedBrowser deviceExpiringAt(UserId user, Instant expiresAt) {
        return new RememberedBrowser(
                RememberMeToken.generate(RANDOM).series(),
                user,
                RememberMeToken.generate(RANDOM).secretHash(),
                null,
                expiresAt.minus(LIFETIME),
                expiresAt,
                SecurityStamp.random(),
                expiresAt.minus(LIFETIME),
                Origin.unknown());
    }

    /** A browser remembered for a stored user id, under some stamp (the stamp's meaning is the service's). */
    private static RememberedBrowser remember(RememberMeToken token, UserId user, Instant now, Duration lifetime) {
        return new RememberedBrowser(
                token.series(),
                user,
                token.secretHash(),
                null,
                now,
                now.plus(lifetime),
                SecurityStamp.random(),
                now,
                new Origin("203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"));
    }
}
