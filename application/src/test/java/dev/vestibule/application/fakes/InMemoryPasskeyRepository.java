package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyId;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link PasskeyRepository} in maps, each operation under one lock; takes part in {@link InMemoryTransactions}. */
public final class InMemoryPasskeyRepository implements PasskeyRepository, InMemoryTransactions.Participant {

    private final Map<PasskeyId, Passkey> passkeys = new LinkedHashMap<>();
    private final Map<UserId, UserHandle> handles = new LinkedHashMap<>();

    @Override
    public Mono<Void> add(Passkey passkey) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (passkeys.values().stream().anyMatch(p -> p.credentialId().equals(passkey.credentialId()))) {
                    throw new IllegalStateException("credential id already registered");
                }
                passkeys.put(passkey.id(), passkey);
            }
        });
    }

    @Override
    public Mono<Passkey> findByCredentialId(CredentialId credentialId) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return passkeys.values().stream()
                        .filter(p -> p.credentialId().equals(credentialId))
                        .findFirst()
                        .orElse(null);
            }
        });
    }

    @Override
    public Flux<Passkey> findByUser(UserId userId) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(passkeys.values().stream()
                        .filter(p -> p.userId().equals(userId))
                        .sorted(Comparator.comparing(Passkey::createdAt))
                        .toList());
            }
        });
    }

    @Override
    public Mono<Long> countFor(UserId userId) {
        return findByUser(userId).count();
    }

    @Override
    public Mono<Boolean> recordUse(Passkey used, long previousSignCount) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Passkey stored = passkeys.get(used.id());
                if (stored == null || stored.signCount() != previousSignCount) {
                    return false;
                }
                passkeys.put(used.id(), used);
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> rename(UserId userId, PasskeyId id, String name, Instant at) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Passkey stored = passkeys.get(id);
                if (stored == null || !stored.userId().equals(userId)) {
                    return false;
                }
                passkeys.put(id, stored.renamed(name));
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> remove(UserId userId, PasskeyId id) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Passkey stored = passkeys.get(id);
                if (stored == null || !stored.userId().equals(userId)) {
                    return false;
                }
                passkeys.remove(id);
                return true;
            }
        });
    }

    @Override
    public Mono<UserHandle> userHandleFor(UserId userId, UserHandle candidate) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return handles.computeIfAbsent(userId, id -> candidate);
            }
        });
    }

    @Override
    public Mono<UserId> findUserByHandle(UserHandle handle) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return handles.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(handle))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
            }
        });
    }

    /** Forgets a user as the database's cascade does when the user row goes. */
    public synchronized void forgetUser(UserId userId) {
        passkeys.values().removeIf(p -> p.userId().equals(userId));
        handles.remove(userId);
    }

    @Override
    public synchronized Object snapshot() {
        return List.of(new LinkedHashMap<>(passkeys), new LinkedHashMap<>(handles));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Object> both = new ArrayList<>((List<Object>) snapshot);
        passkeys.clear();
        passkeys.putAll((Map<PasskeyId, Passkey>) both.get(0));
        handles.clear();
        handles.putAll((Map<UserId, UserHandle>) both.get(1));
    }
}
