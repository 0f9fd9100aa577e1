package dev.vestibule.application.fakes;

import dev.vestibule.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * {@link Transactions} over in-memory fakes: what the participants hold is copied when the work is subscribed
 * and put back when it fails or is cancelled. Atomic for the test's own writes; it does not isolate them from
 * concurrent writers, which the fakes' tests do not need.
 */
public final class InMemoryTransactions implements Transactions {

    /** A fake whose content a failed transaction restores. */
    public interface Participant {

        Object snapshot();

        void restore(Object snapshot);
    }

    private final List<Participant> participants;

    public InMemoryTransactions(Participant... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        Objects.requireNonNull(work, "work");
        return Mono.defer(() -> {
            List<Object> snapshots = new ArrayList<>();
            participants.forEach(participant -> snapshots.add(participant.snapshot()));
            Runnable rollback = () -> {
                for (int i = 0; i < participants.size(); i++) {
                    participants.get(i).restore(snapshots.get(i));
                }
            };
            return work.doOnError(failure -> rollback.run()).doFinally(signal -> {
                if (signal == SignalType.CANCEL) {
                    rollback.run();
                }
            });
        });
    }
}
