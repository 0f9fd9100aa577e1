package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** The authenticator apps in a map; the conditional updates are atomic, as the database's are. */
public final class InMemoryAuthenticatorAppRepository
        implements AuthenticatorAppRepository, InMemoryTransactions.Participant {

    private final Map<UserId, AuthenticatorApp> apps = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> save(AuthenticatorApp app) {
        return Mono.fromRunnable(() -> apps.put(app.userId(), app));
    }

    @Override
    public Mono<AuthenticatorApp> find(UserId userId) {
        return Mono.fromSupplier(() -> apps.get(userId));
    }

    @Override
    public Mono<Boolean> useStep(UserId userId, long step) {
        return Mono.fromSupplier(() -> {
            boolean[] used = {false};
            apps.computeIfPresent(userId, (id, app) -> {
                if (app.lastUsedStep() >= step) {
                    return app;
                }
                used[0] = true;
                return new AuthenticatorApp(id, app.sealedSecret(), app.enabledAt(), step);
            });
            return used[0];
        });
    }

    @Override
    public Mono<Boolean> reseal(UserId userId, String expected, String resealed) {
        return Mono.fromSupplier(() -> {
            boolean[] done = {false};
            apps.computeIfPresent(userId, (id, app) -> {
                if (!app.sealedSecret().equals(expected)) {
                    return app;
                }
                done[0] = true;
                return new AuthenticatorApp(id, resealed, app.enabledAt(), app.lastUsedStep());
            });
            return done[0];
        });
    }

    @Override
    public Mono<Boolean> remove(UserId userId) {
        return Mono.fromSupplier(() -> apps.remove(userId) != null);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(apps);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        apps.clear();
        apps.putAll((Map<UserId, AuthenticatorApp>) snapshot);
    }
}
