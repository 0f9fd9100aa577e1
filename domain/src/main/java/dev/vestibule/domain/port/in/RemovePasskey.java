package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** A signed-in user removes one of their passkeys; it no longer signs in, and the user is told by mail. */
public interface RemovePasskey {

    Mono<PasskeyChange> remove(PasskeyRemovalCommand command);
}
