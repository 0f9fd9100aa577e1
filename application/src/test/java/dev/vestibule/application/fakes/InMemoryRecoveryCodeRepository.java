package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** The recovery-code hashes of each user in a map; spending one is atomic, as the database's DELETE is. */
public final class InMemoryRecoveryCodeRepository implements RecoveryCodeRepository, InMemoryTransactions.Participant {

    private final Map<UserId, Set<String>> codes = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> replaceAll(UserId userId, List<String> codeHashes, Instant createdAt) {
        return Mono.fromRunnable(() -> codes.put(userId, ConcurrentHashMap.newKeySet()))
                .then(Mono.fromRunnable(() -> codes.get(userId).addAll(codeHashes)));
    }

    @Override
    public Mono<Boolean> use(UserId userId, String codeHash) {
        return Mono.fromSupplier(() -> {
            Set<String> left = codes.get(userId);
            return left != null && left.remove(codeHash);
        });
    }

    @Override
    public Mono<Integer> countLeft(UserId userId) {
        return Mono.fromSupplier(() -> codes.getOrDefault(userId, Set.of()).size());
    }

    @Override
    public Mono<Void> removeAll(UserId userId) {
        return Mono.fromRunnable(() -> codes.remove(userId));
    }

    @Override
    public synchronized Object snapshot() {
        Map<UserId, Set<String>> copy = new HashMap<>();
        codes.forEach((user, hashes) -> copy.put(user, new HashSet<>(hashes)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        codes.clear();
        ((Map<UserId, Set<String>>) snapshot).forEach((user, hashes) -> {
            Set<String> set = ConcurrentHashMap.newKeySet();
            set.addAll(hashes);
            codes.put(user, set);
        });
    }
}
