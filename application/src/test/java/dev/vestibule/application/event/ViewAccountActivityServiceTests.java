package dev.vestibule.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.domain.model.event.ActivityEntry;
import dev.vestibule.domain.model.event.ActivityPage;
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

    // issue 13 finding 3: throttled bursts
    @Test
    void runsOfOneKindAreOneEntryWithTheirCountAndTheBurstsCountsAddUp() {
        recorded(SecurityEventType.LOGIN_SUCCEEDED, alice, NOW);
        IntStream.range(1, 6).forEach(i -> recorded(SecurityEventType.LOGIN_FAILED, alice, NOW.plusSeconds(i)));
        StepVerifier.create(log.record(new SecurityEvent(
                        SecurityEventType.LOGIN_THROTTLED, NOW.plusSeconds(10), Optional.of(alice), ORIGIN, 300)))
                .verifyComplete();

        ActivityPage page = service.activity(alice, 1).block(Duration.ofSeconds(5));

        assertThat(page.entries())
                .extracting(ActivityEntry::type, ActivityEntry::occurrences)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SecurityEventType.LOGIN_THROTTLED, 300),
                        org.assertj.core.groups.Tuple.tuple(SecurityEventType.LOGIN_FAILED, 5),
                        org.assertj.core.groups.Tuple.tuple(SecurityEventType.LOGIN_SUCCEEDED, 1));
        assertThat(page.entries().get(1).newest()).isEqualTo(NOW.plusSeconds(5));
        assertThat(page.entries().get(1).oldest()).isEqualTo(NOW.plusSeconds(1));
        assertThat(page.hasOlder()).isFalse();
    }

    @Test
    void olderEventsAreOnTheFollowingPages() {
        int events = ActivityPage.SIZE * 2 + 1;
        IntStream.range(0, events)
                .forEach(i -> recorded(
                        i % 2 == 0 ? SecurityEventType.LOGIN_SUCCEEDED : SecurityEventType.LOGGED_OUT,
                        alice,
                        NOW.plusSeconds(i)));

        ActivityPage first = service.activity(alice, 1).block(Duration.ofSeconds(5));
        ActivityPage third = service.activity(alice, 3).block(Duration.ofSeconds(5));

        assertThat(first.entries()).hasSize(ActivityPage.SIZE);
        assertThat(first.entries().get(0).newest()).isEqualTo(NOW.plusSeconds(events - 1));
        assertThat(first.hasOlder()).isTrue();
        assertThat(third.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.newest()).isEqualTo(NOW));
        assertThat(third.hasOlder()).isFalse();
    }

    private SecurityEvent recorded(SecurityEventType type, UserId user, Instant at) {
        SecurityEvent event = new SecurityEvent(type, at, Optional.of(user), ORIGIN);
        StepVerifier.create(log.record(event)).verifyComplete();
        return event;
    }
}
