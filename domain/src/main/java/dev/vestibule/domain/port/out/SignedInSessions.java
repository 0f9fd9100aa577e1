package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The session store seen as a registry of sign-ins: which web sessions a user is signed in with, and
 * ending them. Ending deletes the session from the store, so the browser is signed out at its next request
 * on whichever instance it reaches. Every call names the user: a handle of another user's session ends
 * nothing.
 */
public interface SignedInSessions {

    /** The user's signed-in sessions that have not expired, in no particular order. */
    Flux<SignedInSession> of(UserId user);

    /** Ends the user's session with that handle; whether there was one. */
    Mono<Boolean> end(UserId user, Handle session);

    /** Ends every session of the user but {@code keep} (the one asking); how many ended. */
    Mono<Long> endAllBut(UserId user, Handle keep);

    /** Ends every session of the user; how many ended. */
    Mono<Long> endAll(UserId user);

    /** Ends every session of the user that the remembered browser {@code series} opened; how many ended. */
    Mono<Long> endOpenedBy(UserId user, Handle series);
}
