package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

/**
 * What every {@link KnownBrowserRepository} promises, run against the in-memory fake and the R2DBC
 * adapter. Each test makes its own users and devices, so tests share a database in any order; only the
 * purge test stores devices expiring before {@link #NOW}, in a window of its own.
 */
@Timeout(120)
abstract class KnownBrowserRepositoryContract {

    /** Microsecond precision, what both PostgreSQL and H2 keep. */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract KnownBrowserRepository repository();

    /** Devices belong to stored users (the database enforces it). */
    protected abstract UserRepository users();

    // account deletion
    @Test
    void removeAllOfDeletesEveryDeviceOfThatUserOnly() {
        UserId user = storedUser();
        UserId other = storedUser();
        KnownBrowser first = add(KnownBrowser.newFor(user, NOW, LIFETIME, RANDOM));
        KnownBrowser second = add(KnownBrowser.newFor(user, NOW, LIFETIME, RANDOM));
        KnownBrowser others = add(KnownBrowser.newFor(other, NOW, LIFETIME, RANDOM));

        StepVerifier.create(repository().removeAllOf(user))
                .expectNext(2L)
                .expectComplete()
                .verify(TIMEOUT);

        assertKnown(first.id(), user, NOW, false);
        assertKnown(second.id(), user, NOW, false);
        assertKnown(others.id(), other, NOW, true);
    }

    @Test
    void addedDeviceIsKnownForItsUserUntilItExpires() {
        UserId user = storedUser();
        KnownBrowser device = add(KnownBrowser.newFor(user, NOW, LIFETIME, RANDOM));

        assertKnown(device.id(), user, NOW, true);
        assertKnown(device.id(), user, NOW.plus(LIFETIME).minusNanos(1_000), true);
    }

    @Test
    void deviceIsNoLongerKnownFromItsExpiryInstantOn() {
        UserId user = storedUser();
        KnownBrowser device = add(KnownBrowser.newFor(user, NOW, LIFETIME, RANDOM));

        assertKnown(device.id(), user, NOW.plus(LIFETIME), false);
        assertKnown(device.id(), user, NOW.plus(LIFETIME).plusSeconds(1), false);
    }

    @Test
    void deviceIsNotKnownForAnotherUser() {
        KnownBrowser device = add(KnownBrowser.newFor(storedUser(), NOW, LIFETIME, RANDOM));

        assertKnown(device.id(), storedUser(), NOW, false);
        assertKnown(device.id(), UserId.random(), NOW, false);
    }

    @Test
    void unknownIdIsNotKnown() {
        assertKnown(KnownBrowser.newFor(storedUser(), NOW, LIFETIME, RANDOM).id(), storedUser(), NOW, false);
    }

    @Test
    void addWhenIdAlreadyStoredThenFailsAndTheFirstOwnerKeepsIt() {
        UserId owner = storedUser();
        UserId other = storedUser();
        KnownBrowser device = add(KnownBrowser.newFor(owner, NOW, LIFETIME, RANDOM));

        StepVerifier.create(repository().add(new KnownBrowser(device.id(), other, NOW.plus(LIFETIME))))
                .expectError()
                .verify(TIMEOUT);
        assertKnown(device.id(), owner, NOW, true);
        assertKnown(device.id(), other, NOW, false);
    }

    @Test
    void removeExpiredDeletesDevicesExpiredAtOrBeforeNowAndSaysHowMany() {
        // Long before NOW: no other test's device expires in this window.
        Instant now = Instant.parse("2001-02-03T04:05:06.789012Z");
        UserId user = storedUser();
        KnownBrowser expiredEarlier = add(new KnownBrowser(newId(), user, now.minus(Duration.ofDays(1))));
        KnownBrowser expiringNow = add(new KnownBrowser(newId(), user, now));
        KnownBrowser stillValid = add(new KnownBrowser(newId(), user, now.plusNanos(1_000)));

        StepVerifier.create(repository().removeExpired(now)).expectNext(2L).verifyComplete();
        assertKnown(stillValid.id(), user, now, true);
        // Gone, not just expired: the same id can be stored again.
        add(new KnownBrowser(expiredEarlier.id(), user, NOW));
        add(new KnownBrowser(expiringNow.id(), user, NOW));
        StepVerifier.create(repository().removeExpired(now)).expectNext(0L).verifyComplete();
    }

    @Test
    void removeExpiredWhenNothingExpiredThenZeroAndEverythingStays() {
        UserId user = storedUser();
        KnownBrowser device = add(KnownBrowser.newFor(user, NOW, LIFETIME, RANDOM));

        StepVerifier.create(repository().removeExpired(Instant.parse("1971-01-01T00:00:00Z")))
                .expectNext(0L)
                .verifyComplete();
        assertKnown(device.id(), user, NOW, true);
    }

    private void assertKnown(String id, UserId user, Instant at, boolean known) {
        StepVerifier.create(repository().isKnown(id, user, at))
                .expectNext(known)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private KnownBrowser add(KnownBrowser device) {
        StepVerifier.create(repository().add(device)).expectComplete().verify(TIMEOUT);
        return device;
    }

    private static String newId() {
        return KnownBrowser.newFor(UserId.random(), NOW, LIFETIME, RANDOM).id();
    }

    protected UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }
}
