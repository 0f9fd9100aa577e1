package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** The users' enabled authenticator apps, one per user at most, with the last time step each accepted. */
public interface AuthenticatorAppRepository {

    /** Stores {@code app}, replacing the user's earlier one (a new phone). */
    Mono<Void> save(AuthenticatorApp app);

    Mono<AuthenticatorApp> find(UserId userId);

    /**
     * Records that the code of {@code step} was accepted, only if it is later than the last step used: true when it
     * was, false when that step (or a later one) was used already. One conditional update, so of two instances
     * accepting the same code at once exactly one wins.
     */
    Mono<Boolean> useStep(UserId userId, long step);

    /** Replaces the sealed secret, only if it is still {@code expected} (re-sealed with the current key). */
    Mono<Boolean> reseal(UserId userId, String expected, String resealed);

    /** Removes the user's app; true when there was one. */
    Mono<Boolean> remove(UserId userId);
}
