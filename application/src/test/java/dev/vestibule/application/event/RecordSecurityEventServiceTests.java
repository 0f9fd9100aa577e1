package dev.vestibule.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

class RecordSecurityEventServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Origin ORIGIN = new Origin("2001:db8::7", "Safari");

    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final RecordSecurityEventService service =
            new RecordSecurityEventService(new SecurityEvents(log, new MutableClock(NOW)));

    @ParameterizedTest
    @EnumSource(
            value = SecurityEventType.class,
            names = {"LOGGED_OUT", "SESSION_EXPIRED"})
    void recordsWhatTheWebSideReportsForTheUser(SecurityEventType type) {
        UserId alice = UserId.random();

        StepVerifier.create(service.record(type, Optional.of(alice), ORIGIN)).verifyComplete();

        assertThat(log.all()).containsExactly(new SecurityEvent(type, NOW, Optional.of(alice), ORIGIN));
    }

    @Test
    void recordsAnEventWithNoUserToName() {
        StepVerifier.create(service.record(SecurityEventType.LOGGED_OUT, Optional.empty(), Origin.unknown()))
                .verifyComplete();

        assertThat(log.all())
                .containsExactly(
                        new SecurityEvent(SecurityEventType.LOGGED_OUT, NOW, Optional.empty(), Origin.unknown()));
    }

    @Test
    void recordsNothingUntilSubscribed() {
        service.record(SecurityEventType.LOGGED_OUT, Optional.of(UserId.random()), ORIGIN);

        assertThat(log.all()).isEmpty();
    }
}
