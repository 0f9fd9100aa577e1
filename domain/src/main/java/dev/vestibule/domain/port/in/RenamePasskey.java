package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** A signed-in user gives one of their passkeys a new name. */
public interface RenamePasskey {

    Mono<PasskeyChange> rename(PasskeyRenameCommand command);
}
