package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Security events in a list, for tests to read back. */
public final class InMemorySecurityEventLog implements SecurityEventLog, InMemoryTransactions.Participant {

    private final List<SecurityEvent> events = new ArrayList<>();

    @Override
    public Mono<Void> record(SecurityEvent event) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                events.add(event);
            }
        });
    }

    @Override
    public Flux<SecurityEvent> recentFor(UserId userId, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                // Newest recorded first among equal instants, as the table's ORDER BY occurred_at DESC, id DESC.
                List<SecurityEvent> newestRecordedFirst = new ArrayList<>(events);
                Collections.reverse(newestRecordedFirst);
                return Flux.fromIterable(newestRecordedFirst.stream()
                        .filter(event -> event.userId().equals(Optional.of(userId)))
                        .sorted(Comparator.comparing(SecurityEvent::occurredAt).reversed())
                        .limit(limit)
                        .toList());
            }
        });
    }

    @Override
    public Mono<Long> removeOlderThan(Instant cutoff) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = events.size();
                events.removeIf(event -> event.occurredAt().isBefore(cutoff));
                return before - events.size();
            }
        });
    }

    // account deletion
    @Override
    public Mono<Long> anonymise(UserId userId, UserId pseudonym) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long changed = 0;
                for (int i = 0; i < events.size(); i++) {
                    SecurityEvent event = events.get(i);
                    if (event.userId().equals(Optional.of(userId))) {
                        events.set(
                                i,
                                new SecurityEvent(
                                        event.type(), event.occurredAt(), Optional.of(pseudonym), Origin.unknown()));
                        changed++;
                    }
                }
                return changed;
            }
        });
    }

    // account deletion: takes part in transactions
    @Override
    public synchronized Object snapshot() {
        return List.copyOf(events);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events.clear();
        events.addAll((List<SecurityEvent>) snapshot);
    }

    public synchronized List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    public synchronized List<SecurityEventType> types() {
        return events.stream().map(SecurityEvent::type).toList();
    }
}
