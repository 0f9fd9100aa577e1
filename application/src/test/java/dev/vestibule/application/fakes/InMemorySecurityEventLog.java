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
    // issue 13 finding 3: throttled bursts; the burst each event counts for, null for ordinary ones
    private final List<String> burstKeys = new ArrayList<>();

    @Override
    public Mono<Void> record(SecurityEvent event) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                events.add(event);
                burstKeys.add(null);
            }
        });
    }

    @Override
    public Mono<Void> recordBurst(SecurityEvent event, String burstKey) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                int index = burstKeys.indexOf(burstKey);
                if (index >= 0) {
                    SecurityEvent first = events.get(index);
                    events.set(
                            index,
                            new SecurityEvent(
                                    first.type(),
                                    first.occurredAt(),
                                    first.userId(),
                                    first.origin(),
                                    first.occurrences() + 1));
                } else {
                    events.add(event);
                    burstKeys.add(burstKey);
                }
            }
        });
    }

    @Override
    public Flux<SecurityEvent> recentFor(UserId userId, int skip, int limit) {
        return Flux.defer(() -> {
            synchronized (this) {
                // Newest recorded first among equal instants, as the table's ORDER BY occurred_at DESC, id DESC.
                List<SecurityEvent> newestRecordedFirst = new ArrayList<>(events);
                Collections.reverse(newestRecordedFirst);
                return Flux.fromIterable(newestRecordedFirst.stream()
                        .filter(event -> event.userId().equals(Optional.of(userId)))
                        .sorted(Comparator.comparing(SecurityEvent::occurredAt).reversed())
                        .skip(skip)
                        .limit(limit)
                        .toList());
            }
        });
    }

    @Override
    public Mono<Long> removeOlderThan(Instant cutoff) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long removed = 0;
                for (int i = events.size() - 1; i >= 0; i--) {
                    if (events.get(i).occurredAt().isBefore(cutoff)) {
                        events.remove(i);
                        burstKeys.remove(i);
                        removed++;
                    }
                }
                return removed;
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
                                        event.type(),
                                        event.occurredAt(),
                                        Optional.of(pseudonym),
                                        Origin.unknown(),
                                        event.occurrences()));
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
        return List.of(List.copyOf(events), new ArrayList<>(burstKeys));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        events.clear();
        events.addAll((List<SecurityEvent>) both.get(0));
        burstKeys.clear();
        burstKeys.addAll((List<String>) both.get(1));
    }

    public synchronized List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    public synchronized List<SecurityEventType> types() {
        return events.stream().map(SecurityEvent::type).toList();
    }
}
