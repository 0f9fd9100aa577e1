package dev.vestibule.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SecurityEventsTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Firefox");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final SecurityEvents events = new SecurityEvents(log, clock);

    @Test
    void recordsTheEventWithTypeUserOriginAndTheTimeOfTheClock() {
        UserId alice = UserId.random();

        StepVerifier.create(events.record(SecurityEventType.LOGIN_SUCCEEDED, alice, ORIGIN))
                .verifyComplete();

        assertThat(log.all())
                .containsExactly(new SecurityEvent(SecurityEventType.LOGIN_SUCCEEDED, NOW, Optional.of(alice), ORIGIN));
    }

    @Test
    void recordsAnEventWithoutAUser() {
        StepVerifier.create(events.record(SecurityEventType.LOGIN_FAILED, Optional.empty(), ORIGIN))
                .verifyComplete();

        assertThat(log.all())
                .containsExactly(new SecurityEvent(SecurityEventType.LOGIN_FAILED, NOW, Optional.empty(), ORIGIN));
    }

    @Test
    void nothingIsRecordedUntilSubscribed() {
        events.record(SecurityEventType.LOGGED_OUT, UserId.random(), ORIGIN);

        assertThat(log.all()).isEmpty();
    }

    @Test
    void theEventIsStampedWhenTheChainRunsNotWhenItWasAssembled() {
        Mono<Void> recording = events.record(SecurityEventType.LOGGED_OUT, UserId.random(), ORIGIN);
        clock.advance(Duration.ofMinutes(3));

        StepVerifier.create(recording).verifyComplete();

        assertThat(log.all()).extracting(SecurityEvent::occurredAt).containsExactly(NOW.plus(Duration.ofMinutes(3)));
    }

    @Test
    void eachSubscriptionRecordsOneEvent() {
        Mono<Void> recording = events.record(SecurityEventType.LOGIN_FAILED, Optional.empty(), ORIGIN);

        StepVerifier.create(recording).verifyComplete();
        StepVerifier.create(recording).verifyComplete();

        assertThat(log.types()).containsExactly(SecurityEventType.LOGIN_FAILED, SecurityEventType.LOGIN_FAILED);
    }
}
