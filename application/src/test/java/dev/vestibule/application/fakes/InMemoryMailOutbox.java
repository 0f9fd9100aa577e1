package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailOutboxStats;
import dev.vestibule.domain.port.out.QueuedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link MailOutbox} in a map, every operation under one lock when subscribed, so that concurrent claims
 * never return the same mail. Takes part in {@link InMemoryTransactions}.
 */
public final class InMemoryMailOutbox implements MailOutbox, InMemoryTransactions.Participant {

    /** The outbox's view of one mail, for tests that look inside. */
    public record Entry(
            long id,
            UserId userId,
            MailKind kind,
            Mail mail,
            Status status,
            int attempts,
            Instant queuedAt,
            Instant nextAttemptAt,
            Instant claimedUntil,
            String lastError) {

        Entry with(
                Mail mail, Status status, int attempts, Instant nextAttemptAt, Instant claimedUntil, String lastError) {
            return new Entry(
                    id, userId, kind, mail, status, attempts, queuedAt, nextAttemptAt, claimedUntil, lastError);
        }
    }

    public enum Status {
        QUEUED,
        SENT,
        FAILED
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public Mono<Void> enqueue(Mail mail, Instant now) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                long id = nextId++;
                entries.put(
                        id, new Entry(id, mail.userId(), mail.kind(), mail, Status.QUEUED, 0, now, now, null, null));
            }
        });
    }

    @Override
    public Flux<QueuedMail> claimDue(Instant now, int limit, Duration lease) {
        return Flux.defer(() -> {
            List<QueuedMail> claimed = new ArrayList<>();
            synchronized (this) {
                List<Entry> due = entries.values().stream()
                        .filter(entry -> entry.status() == Status.QUEUED
                                && !entry.nextAttemptAt().isAfter(now)
                                && (entry.claimedUntil() == null
                                        || !entry.claimedUntil().isAfter(now)))
                        .sorted(Comparator.comparing(Entry::nextAttemptAt).thenComparing(Entry::id))
                        .limit(limit)
                        .toList();
                for (Entry entry : due) {
                    Entry held = entry.with(
                            entry.mail(),
                            Status.QUEUED,
                            entry.attempts() + 1,
                            entry.nextAttemptAt(),
                            now.plus(lease),
                            entry.lastError());
                    entries.put(entry.id(), held);
                    claimed.add(new QueuedMail(held.id(), held.mail(), held.attempts(), held.queuedAt()));
                }
            }
            return Flux.fromIterable(claimed);
        });
    }

    @Override
    public Mono<Void> delivered(long id, Instant now) {
        return finish(id, Status.SENT, null);
    }

    @Override
    public Mono<Void> failed(long id, Instant retryAt, String error) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                entries.computeIfPresent(
                        id,
                        (key, entry) -> entry.status() != Status.QUEUED
                                ? entry
                                : entry.with(entry.mail(), Status.QUEUED, entry.attempts(), retryAt, null, error));
            }
        });
    }

    @Override
    public Mono<Void> gaveUp(long id, String error) {
        return finish(id, Status.FAILED, error);
    }

    private Mono<Void> finish(long id, Status status, String error) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                // The mail itself (with its link) is forgotten, as the database adapter forgets the link.
                entries.computeIfPresent(
                        id,
                        (key, entry) -> entry.status() != Status.QUEUED
                                ? entry
                                : entry.with(
                                        null,
                                        status,
                                        entry.attempts(),
                                        entry.nextAttemptAt(),
                                        null,
                                        error == null ? entry.lastError() : error));
            }
        });
    }

    @Override
    public Mono<Long> discardQueuedFor(UserId userId, MailKind keep) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                int before = entries.size();
                entries.values()
                        .removeIf(entry -> entry.status() == Status.QUEUED
                                && entry.userId().equals(userId)
                                && entry.kind() != keep);
                return (long) (before - entries.size());
            }
        });
    }

    @Override
    public Mono<Long> removeFinishedOlderThan(Instant cutoff) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                int before = entries.size();
                entries.values()
                        .removeIf(entry -> entry.status() != Status.QUEUED
                                && entry.queuedAt().isBefore(cutoff));
                return (long) (before - entries.size());
            }
        });
    }

    @Override
    public Mono<MailOutboxStats> stats() {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                List<Entry> queued = entries.values().stream()
                        .filter(entry -> entry.status() == Status.QUEUED)
                        .toList();
                Optional<Instant> oldest = queued.stream().map(Entry::queuedAt).min(Comparator.naturalOrder());
                return new MailOutboxStats(queued.size(), oldest);
            }
        });
    }

    /** Every mail the outbox holds, in the order they were queued. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[] {new LinkedHashMap<>(entries), nextId};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        Object[] saved = (Object[]) snapshot;
        entries.clear();
        entries.putAll((Map<Long, Entry>) saved[0]);
        nextId = (long) saved[1];
    }
}
