package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/**
 * The user ends one of their sign-ins from the sessions page: a session (signed out at its next request,
 * on every instance) or a remembered browser (forgotten, and the sessions it opened end too). A handle
 * that is not one of the user's ends nothing.
 */
public interface RevokeSignIn {

    /** Whether a sign-in of the user had that handle. */
    Mono<Boolean> revoke(UserId user, Handle handle, Origin origin);
}
