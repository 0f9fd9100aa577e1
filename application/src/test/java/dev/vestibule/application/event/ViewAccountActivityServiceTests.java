package dev.vestibule.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ViewAccountActivityServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Firefox");

    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final ViewAccountActivityService service = new ViewAccountActivityService(log);
    private final UserId alice = UserId.random();

    @Test
    void showsTheUsersEventsNewestFirst() {
        SecurityEvent registered = recorded(SecurityEventType.REGISTERED, alice, NOW);
        SecurityEvent failed = recorded(SecurityEventType.LOGIN_FAILED, alice, NOW.plusSeconds(60));
        SecurityEvent loggedIn = recorded(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW.plusSeconds(120));

        StepVerifier.create(service.recentActivity(alice))
                .expectNext(loggedIn, failed, registered)
                .verifyComplete();
    }

    @Test
    void neverShowsAnotherUsersEventsNorEventsWithoutAUser() {
        recorded(SecurityEventType.LOGIN_SUCCEEDED, UserId.random(), NOW);
        StepVerifier.create(
                        log.record(new SecurityEvent(SecurityEventType.LOGIN_FAILED, NOW, Optional.empty(), ORIGIN)))
                .verifyComplete();
        SecurityEvent own = recorded(SecurityEventType.LOGGED_OUT, alice, NOW.minusSeconds(1));

        StepVerifier.create(service.recentActivity(alice)).expectNext(own).verifyComplete();
    }

    @Test
    void showsOnlyTheMostRecentEvents() {
        List<SecurityEvent> all = IntStream.range(0, ViewAccountActivityService.SHOWN + 10)
                .mapToObj(i -> recorded(SecurityEventType.LOGIN_FAILED, alice, NOW.plus(Duration.ofMinutes(i))))
                .toList();

        List<SecurityEvent> shown = service.recentActivity(alice).collectList().block();

        assertThat(shown).hasSize(ViewAccountActivityService.SHOWN).first().isEqualTo(all.get(all.size() - 1));
        assertThat(shown).last().isEqualTo(all.get(10));
    }

    @Test
    void aUserWithNoEventsSeesNone() {
        StepVerifier.create(service.recentActivity(alice)).verifyComplete();
    }

    private SecurityEvent recorded(SecurityEventType type, UserId user, Instant at) {
        SecurityEvent event = new SecurityEvent(type, at, Optional.of(user), ORIGIN);
        StepVerifier.create(log.record(event)).verifyComplete();
        return event;
    }
}
