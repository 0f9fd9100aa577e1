package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.LinkTokens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@link LinkTokens} in a map, every operation under one lock when subscribed, so that {@link #spend} is a true
 * test-and-set for parallel callers. Takes part in {@link InMemoryTransactions}.
 */
public final class InMemoryLinkTokens implements LinkTokens, InMemoryTransactions.Participant {

    private record Stored(IssuedLink link, Instant spentAt) {}

    private final Map<String, Stored> links = new LinkedHashMap<>();

    @Override
    public Mono<Void> issue(IssuedLink link) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (links.putIfAbsent(link.tokenHash(), new Stored(link, null)) != null) {
                    throw new IllegalStateException("token hash already exists");
                }
            }
        });
    }

    @Override
    public Mono<IssuedLink> findValid(String tokenHash, LinkPurpose purpose, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Stored stored = links.get(tokenHash);
                return isValid(stored, purpose, now) ? stored.link() : null;
            }
        });
    }

    @Override
    public Mono<Boolean> spend(String tokenHash, LinkPurpose purpose, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                Stored stored = links.get(tokenHash);
                if (!isValid(stored, purpose, now)) {
                    return false;
                }
                links.put(tokenHash, new Stored(stored.link(), now));
                return true;
            }
        });
    }

    @Override
    public Mono<Long> spendAllFor(UserId userId, LinkPurpose purpose, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long spent = 0;
                for (Map.Entry<String, Stored> entry : links.entrySet()) {
                    Stored stored = entry.getValue();
                    if (stored.spentAt() == null
                            && stored.link().userId().equals(userId)
                            && stored.link().purpose() == purpose) {
                        entry.setValue(new Stored(stored.link(), now));
                        spent++;
                    }
                }
                return spent;
            }
        });
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = links.size();
                links.values().removeIf(stored -> stored.link().isExpiredAt(now));
                return before - links.size();
            }
        });
    }

    /** Every stored link, spent or not (what a leaked table would show: hashes only). */
    public synchronized int count() {
        return links.size();
    }

    /** How many of {@code userId}'s links for {@code purpose} are unspent. */
    public synchronized long unspentFor(UserId userId, LinkPurpose purpose) {
        return links.values().stream()
                .filter(stored -> stored.spentAt() == null
                        && stored.link().userId().equals(userId)
                        && stored.link().purpose() == purpose)
                .count();
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(links);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        links.clear();
        links.putAll((Map<String, Stored>) snapshot);
    }

    private static boolean isValid(Stored stored, LinkPurpose purpose, Instant now) {
        return stored != null
                && stored.spentAt() == null
                && stored.link().purpose() == purpose
                && !stored.link().isExpiredAt(now);
    }
}
