package dev.vestibule.adapters.persistence.event;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link SecurityEventLog} promises, run against the in-memory fake and the R2DBC adapter.
 * Each test makes its own users, so tests share a database in any order; only the retention test writes
 * events before {@link #NOW}, in a window of its own.
 */
@Timeout(120)
abstract class SecurityEventLogContract {

    /** Microsecond precision, what both PostgreSQL and H2 keep. */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

    protected abstract SecurityEventLog log();

    /** Events name stored users (the database enforces it). */
    protected abstract UserRepository users();

    @Test
    void recordThenRecentForReturnsTheEventAsRecorded() {
        UserId user = storedUser();
        SecurityEvent event = new SecurityEvent(SecurityEventType.LOGIN_SUCCEEDED, NOW, Optional.of(user), ORIGIN);

        StepVerifier.create(log().record(event)).verifyComplete();
        StepVerifier.create(log().recentFor(user, 10)).expectNext(event).verifyComplete();
    }

    @Test
    void originsAtTheirLongestAreKeptWhole() {
        UserId user = storedUser();
        Origin longest = new Origin("2001:db8:85a3:0:0:8a2e:370:7334%" + "e".repeat(64), "agent ".repeat(200));
        SecurityEvent event = new SecurityEvent(SecurityEventType.LOGIN_FAILED, NOW, Optional.of(user), longest);
        record(event);

        StepVerifier.create(log().recentFor(user, 1)).expectNext(event).verifyComplete();
    }

    @Test
    void recentForListsNewestFirst() {
        UserId user = storedUser();
        SecurityEvent middle = record(event(SecurityEventType.LOGIN_FAILED, user, NOW.plusSeconds(1)));
        SecurityEvent newest = record(event(SecurityEventType.LOGIN_SUCCEEDED, user, NOW.plusSeconds(2)));
        SecurityEvent oldest = record(event(SecurityEventType.REGISTERED, user, NOW));

        StepVerifier.create(log().recentFor(user, 10))
                .expectNext(newest, middle, oldest)
                .verifyComplete();
    }

    @Test
    void recentForListsEventsOfTheSameInstantLastRecordedFirst() {
        UserId user = storedUser();
        SecurityEvent first = record(event(SecurityEventType.LOGIN_SUCCEEDED, user, NOW));
        SecurityEvent second = record(event(SecurityEventType.LOGGED_OUT, user, NOW));
        SecurityEvent third = record(event(SecurityEventType.LOGIN_FAILED, user, NOW));

        StepVerifier.create(log().recentFor(user, 10))
                .expectNext(third, second, first)
                .verifyComplete();
    }

    @Test
    void recentForStopsAtTheLimitKeepingTheNewest() {
        UserId user = storedUser();
        List<SecurityEvent> events = IntStream.range(0, 7)
                .mapToObj(i -> record(event(SecurityEventType.LOGIN_FAILED, user, NOW.plusSeconds(i))))
                .toList();

        StepVerifier.create(log().recentFor(user, 3))
                .expectNext(events.get(6), events.get(5), events.get(4))
                .verifyComplete();
    }

    @Test
    void recentForShowsOnlyThatUsersEvents() {
        UserId alice = storedUser();
        UserId bob = storedUser();
        SecurityEvent alices = record(event(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW));
        record(event(SecurityEventType.LOGIN_SUCCEEDED, bob, NOW.plusSeconds(1)));
        record(new SecurityEvent(SecurityEventType.LOGIN_FAILED, NOW.plusSeconds(2), Optional.empty(), ORIGIN));

        StepVerifier.create(log().recentFor(alice, 10)).expectNext(alices).verifyComplete();
    }

    @Test
    void recentForAUserWithoutEventsIsEmpty() {
        StepVerifier.create(log().recentFor(storedUser(), 10)).verifyComplete();
    }

    @Test
    void removeOlderThanDeletesEventsBeforeTheCutoffOnlyAndSaysHowMany() {
        // Long before NOW: no other test's event falls in this window.
        Instant cutoff = Instant.parse("1990-06-01T00:00:00.000001Z");
        UserId user = storedUser();
        record(event(SecurityEventType.LOGIN_FAILED, user, cutoff.minus(Duration.ofDays(30))));
        record(event(SecurityEventType.LOGIN_FAILED, user, cutoff.minusNanos(1_000)));
        record(new SecurityEvent(SecurityEventType.LOGIN_FAILED, cutoff.minusSeconds(1), Optional.empty(), ORIGIN));
        SecurityEvent atCutoff = record(event(SecurityEventType.LOGIN_SUCCEEDED, user, cutoff));
        SecurityEvent later = record(event(SecurityEventType.LOGGED_OUT, user, cutoff.plusSeconds(1)));

        StepVerifier.create(log().removeOlderThan(cutoff)).expectNext(3L).verifyComplete();
        StepVerifier.create(log().recentFor(user, 10))
                .expectNext(later, atCutoff)
                .verifyComplete();
        StepVerifier.create(log().removeOlderThan(cutoff)).expectNext(0L).verifyComplete();
    }

    @Test
    void removeOlderThanWhenNothingIsThatOldThenZero() {
        UserId user = storedUser();
        SecurityEvent event = record(event(SecurityEventType.LOGIN_SUCCEEDED, user, NOW));

        StepVerifier.create(log().removeOlderThan(Instant.parse("1971-01-01T00:00:00Z")))
                .expectNext(0L)
                .verifyComplete();
        StepVerifier.create(log().recentFor(user, 10)).expectNext(event).verifyComplete();
    }

    // account deletion
    @Test
    void anonymiseMovesEveryEventOfTheUserToThePseudonymWithoutAddressOrUserAgent() {
        UserId alice = storedUser();
        UserId bob = storedUser();
        UserId pseudonym = UserId.random();
        SecurityEvent first = record(event(SecurityEventType.REGISTERED, alice, NOW));
        SecurityEvent second = record(event(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW.plusSeconds(1)));
        SecurityEvent bobs = record(event(SecurityEventType.LOGIN_SUCCEEDED, bob, NOW));

        StepVerifier.create(log().anonymise(alice, pseudonym)).expectNext(2L).verifyComplete();

        StepVerifier.create(log().recentFor(pseudonym, 10))
                .expectNext(
                        new SecurityEvent(second.type(), second.occurredAt(), Optional.of(pseudonym), Origin.unknown()),
                        new SecurityEvent(first.type(), first.occurredAt(), Optional.of(pseudonym), Origin.unknown()))
                .verifyComplete();
        StepVerifier.create(log().recentFor(alice, 10)).verifyComplete();
        StepVerifier.create(log().recentFor(bob, 10)).expectNext(bobs).verifyComplete();
    }

    @Test
    void anonymiseOfAUserWithoutEventsChangesNothing() {
        StepVerifier.create(log().anonymise(storedUser(), UserId.random()))
                .expectNext(0L)
                .verifyComplete();
    }

    // issue 13 finding 3: throttled bursts
    @Test
    void aBurstIsOneRecordCountingEveryEventWithTheFirstOnesTimeAndOrigin() {
        UserId user = storedUser();
        String burst = "burst-" + UUID.randomUUID();
        SecurityEvent first = new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW, Optional.of(user), ORIGIN);
        StepVerifier.create(log().recordBurst(first, burst)).verifyComplete();
        for (int i = 1; i < 300; i++) {
            SecurityEvent later = new SecurityEvent(
                    SecurityEventType.LOGIN_THROTTLED,
                    NOW.plusSeconds(i),
                    Optional.of(user),
                    new Origin("203.0.113." + (i % 250), "planted agent " + i));
            StepVerifier.create(log().recordBurst(later, burst))
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        StepVerifier.create(log().recentFor(user, 10))
                .expectNext(new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW, Optional.of(user), ORIGIN, 300))
                .verifyComplete();
    }

    @Test
    void burstsOfDifferentKeysAreRecordsOfTheirOwn() {
        UserId user = storedUser();
        SecurityEvent once = new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW, Optional.of(user), ORIGIN);
        SecurityEvent next =
                new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW.plusSeconds(3600), Optional.of(user), ORIGIN);
        StepVerifier.create(log().recordBurst(once, "a-" + UUID.randomUUID())).verifyComplete();
        StepVerifier.create(log().recordBurst(next, "b-" + UUID.randomUUID())).verifyComplete();
        StepVerifier.create(log().recordBurst(next, "c-" + UUID.randomUUID())).verifyComplete();

        StepVerifier.create(log().recentFor(user, 10)).expectNextCount(3).verifyComplete();
    }

    @Test
    void burstCountsArrivingAtOnceAreAllCountedIntoOneRecord() {
        UserId user = storedUser();
        String burst = "parallel-" + UUID.randomUUID();
        SecurityEvent event = new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW, Optional.of(user), ORIGIN);

        // As instances do, each with its own connection, on its own thread.
        Flux.range(0, 40)
                .flatMap(i -> log().recordBurst(event, burst).subscribeOn(Schedulers.boundedElastic()), 8)
                .then()
                .block(TIMEOUT);

        StepVerifier.create(log().recentFor(user, 10))
                .expectNext(new SecurityEvent(SecurityEventType.LOGIN_THROTTLED, NOW, Optional.of(user), ORIGIN, 40))
                .verifyComplete();
    }

    @Test
    void recentForSkipsTheNewestForOlderPages() {
        UserId user = storedUser();
        List<SecurityEvent> oldestFirst = IntStream.range(0, 7)
                .mapToObj(i -> record(event(SecurityEventType.LOGIN_SUCCEEDED, user, NOW.plusSeconds(i))))
                .toList();

        StepVerifier.create(log().recentFor(user, 3, 3))
                .expectNext(oldestFirst.get(3), oldestFirst.get(2), oldestFirst.get(1))
                .verifyComplete();
        StepVerifier.create(log().recentFor(user, 6, 3))
                .expectNext(oldestFirst.get(0))
                .verifyComplete();
    }

    protected SecurityEvent record(SecurityEvent event) {
        StepVerifier.create(log().record(event)).expectComplete().verify(TIMEOUT);
        return event;
    }

    private static SecurityEvent event(SecurityEventType type, UserId user, Instant at) {
        return new SecurityEvent(type, at, Optional.of(user), ORIGIN);
    }

    protected UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }
}
