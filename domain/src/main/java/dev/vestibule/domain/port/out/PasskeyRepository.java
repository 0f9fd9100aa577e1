package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyId;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The users' passkeys and their WebAuthn user handles; a user's passkeys go when the user goes. */
public interface PasskeyRepository {

    /** Stores a new passkey; fails when another passkey has its credential id (a credential registers once). */
    Mono<Void> add(Passkey passkey);

    /** The passkey with this credential id, whoever's it is. */
    Mono<Passkey> findByCredentialId(CredentialId credentialId);

    /** The user's passkeys, oldest first. */
    Flux<Passkey> findByUser(UserId userId);

    Mono<Long> countFor(UserId userId);

    /**
     * Stores a use (new counter, backup state, last use) only if the counter is still {@code previousSignCount}: of two
     * uses racing on one counter, one wins and the other answers false.
     */
    Mono<Boolean> recordUse(Passkey used, long previousSignCount);

    /** Renames the user's own passkey; false when the user has no passkey with that id. */
    Mono<Boolean> rename(UserId userId, PasskeyId id, String name, Instant at);

    /** Removes the user's own passkey; false when the user has no passkey with that id. */
    Mono<Boolean> remove(UserId userId, PasskeyId id);

    /** The user's handle: the one stored, or {@code candidate}, stored now, if the user has none yet. */
    Mono<UserHandle> userHandleFor(UserId userId, UserHandle candidate);

    /** Whose handle this is; empty when nobody's. */
    Mono<UserId> findUserByHandle(UserHandle handle);
}
