package dev.vestibule.domain.model.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a user's activity list: consecutive events of the same type shown once, with how many times they
 * happened (issue 13 finding 3), so that a flood of one kind cannot push everything else off the page. It keeps the
 * newest event's origin and says how many different addresses and browsers the group came from.
 */
public record ActivityEntry(
        SecurityEventType type,
        Instant newest,
        Instant oldest,
        int occurrences,
        Origin origin,
        int addresses,
        int browsers) {

    public ActivityEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(newest, "newest");
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(origin, "origin");
        if (occurrences < 1 || addresses < 1 || browsers < 1) {
            throw new IllegalArgumentException("an entry stands for at least one event from one origin");
        }
    }

    /** Groups events, newest first, into entries: each run of one type becomes one entry. */
    public static List<ActivityEntry> grouped(List<SecurityEvent> newestFirst) {
        List<ActivityEntry> entries = new ArrayList<>();
        int start = 0;
        while (start < newestFirst.size()) {
            SecurityEvent first = newestFirst.get(start);
            int end = start;
            int occurrences = 0;
            Set<String> addresses = new HashSet<>();
            Set<String> browsers = new HashSet<>();
            while (end < newestFirst.size() && newestFirst.get(end).type() == first.type()) {
                SecurityEvent event = newestFirst.get(end);
                occurrences += event.occurrences();
                addresses.add(event.origin().clientAddress());
                browsers.add(event.origin().userAgent());
                end++;
            }
            entries.add(new ActivityEntry(
                    first.type(),
                    first.occurredAt(),
                    newestFirst.get(end - 1).occurredAt(),
                    occurrences,
                    first.origin(),
                    addresses.size(),
                    browsers.size()));
            start = end;
        }
        return List.copyOf(entries);
    }
}
