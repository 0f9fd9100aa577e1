package dev.vestibule.adapters.persistence.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The port's contract plus what only the database adapter shows: an event cannot name a user who does
 * not exist, and the purge deletes batch after batch until nothing old is left. Subclasses choose the database.
 */
abstract class R2dbcSecurityEventLogContract extends SecurityEventLogContract {

    @Autowired
    private SecurityEventLog log;

    @Autowired
    private UserRepository users;

    @Autowired
    private DatabaseClient databaseClient;

    @Override
    protected SecurityEventLog log() {
        return log;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void logIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(log)).isInstanceOf(R2dbcSecurityEventLog.class);
    }

    @Test
    void recordWhenUserDoesNotExistThenNothingIsKept() {
        UserId nobody = UserId.random();
        SecurityEvent orphan = new SecurityEvent(
                SecurityEventType.LOGIN_SUCCEEDED,
                Instant.parse("2090-01-01T00:00:00Z"),
                Optional.of(nobody),
                Origin.unknown());

        StepVerifier.create(log.record(orphan)).verifyComplete();
        StepVerifier.create(log.recentFor(nobody, 10)).verifyComplete();
    }

    // account deletion
    @Test
    void anonymisedEventsOutliveTheirUsersRowAndADeletedUserGainsNoNewOnes() {
        UserId user = storedUser();
        UserId pseudonym = UserId.random();
        Instant at = Instant.parse("2090-02-02T00:00:00Z");
        record(new SecurityEvent(
                SecurityEventType.LOGIN_SUCCEEDED, at, Optional.of(user), new Origin("198.51.100.7", "Firefox")));

        StepVerifier.create(log.anonymise(user, pseudonym).then(users.remove(user)))
                .verifyComplete();
        record(new SecurityEvent(
                SecurityEventType.SESSION_EXPIRED,
                at.plusSeconds(1),
                Optional.of(user),
                new Origin("198.51.100.7", "Firefox")));

        StepVerifier.create(log.recentFor(pseudonym, 10))
                .expectNext(new SecurityEvent(
                        SecurityEventType.LOGIN_SUCCEEDED, at, Optional.of(pseudonym), Origin.unknown()))
                .verifyComplete();
        StepVerifier.create(log.recentFor(user, 10)).verifyComplete();
        assertThat(databaseClient
                        .sql("SELECT count(*) AS n FROM security_events WHERE user_id = :id")
                        .bind("id", user.value())
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(Duration.ofSeconds(30)))
                .isZero();
    }

    @Test
    void removeOlderThanDeletesBatchAfterBatchUntilNothingOldIsLeft() {
        // A window of its own, before the contract's retention test's.
        Instant cutoff = Instant.parse("1980-01-01T00:00:00Z");
        UserId user = storedUser();
        SecurityEventLog smallBatches = new R2dbcSecurityEventLog(databaseClient, 3);
        IntStream.range(0, 10)
                .forEach(i -> record(new SecurityEvent(
                        SecurityEventType.LOGIN_FAILED,
                        cutoff.minusSeconds(1 + i),
                        Optional.of(user),
                        Origin.unknown())));
        SecurityEvent kept = record(
                new SecurityEvent(SecurityEventType.LOGIN_SUCCEEDED, cutoff, Optional.of(user), Origin.unknown()));

        StepVerifier.create(smallBatches.removeOlderThan(cutoff))
                .expectNext(10L)
                .verifyComplete();
        StepVerifier.create(log.recentFor(user, 20)).expectNext(kept).verifyComplete();
    }

    @Test
    void purgesRunningAtOnceDeleteEachOldEventExactlyOnce() {
        // A window of its own, before the other purge tests'.
        Instant cutoff = Instant.parse("1975-01-01T00:00:00Z");
        UserId user = storedUser();
        IntStream.range(0, 40)
                .forEach(i -> record(new SecurityEvent(
                        SecurityEventType.LOGIN_FAILED,
                        cutoff.minusSeconds(1 + i),
                        Optional.of(user),
                        Origin.unknown())));
        SecurityEventLog smallBatches = new R2dbcSecurityEventLog(databaseClient, 5);

        // As instances do, each with its own connection, on its own thread.
        List<Long> deleted = Flux.range(0, 4)
                .flatMap(i -> smallBatches.removeOlderThan(cutoff).subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(deleted).hasSize(4);
        assertThat(deleted.stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
        StepVerifier.create(log.recentFor(user, 10)).verifyComplete();
    }
}
