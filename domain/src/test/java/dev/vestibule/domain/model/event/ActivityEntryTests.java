package dev.vestibule.domain.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityEntryTests {

    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
    private static final UserId USER = UserId.random();

    private static SecurityEvent event(SecurityEventType type, int secondsAgo, String address, int occurrences) {
        return new SecurityEvent(type, NOW.minusSeconds(secondsAgo), Optional.of(USER), origin(address), occurrences);
    }

    private static Origin origin(String address) {
        return new Origin(address, "agent " + address);
    }

    @Test
    void consecutiveEventsOfOneTypeAreOneEntryCountingEveryOccurrenceAndOrigin() {
        List<ActivityEntry> entries = ActivityEntry.grouped(List.of(
                event(SecurityEventType.LOGIN_THROTTLED, 0, "203.0.113.1", 300),
                event(SecurityEventType.LOGIN_FAILED, 10, "203.0.113.1", 1),
                event(SecurityEventType.LOGIN_FAILED, 20, "203.0.113.2", 1),
                event(SecurityEventType.LOGIN_FAILED, 30, "203.0.113.1", 1),
                event(SecurityEventType.LOGIN_SUCCEEDED, 40, "198.51.100.7", 1),
                event(SecurityEventType.LOGIN_FAILED, 50, "198.51.100.7", 1)));

        assertThat(entries)
                .containsExactly(
                        new ActivityEntry(
                                SecurityEventType.LOGIN_THROTTLED, NOW, NOW, 300, origin("203.0.113.1"), 1, 1),
                        new ActivityEntry(
                                SecurityEventType.LOGIN_FAILED,
                                NOW.minusSeconds(10),
                                NOW.minusSeconds(30),
                                3,
                                origin("203.0.113.1"),
                                2,
                                2),
                        new ActivityEntry(
                                SecurityEventType.LOGIN_SUCCEEDED,
                                NOW.minusSeconds(40),
                                NOW.minusSeconds(40),
                                1,
                                origin("198.51.100.7"),
                                1,
                                1),
                        new ActivityEntry(
                                SecurityEventType.LOGIN_FAILED,
                                NOW.minusSeconds(50),
                                NOW.minusSeconds(50),
                                1,
                                origin("198.51.100.7"),
                                1,
                                1));
    }

    @Test
    void noEventsAreNoEntries() {
        assertThat(ActivityEntry.grouped(List.of())).isEmpty();
    }
}
