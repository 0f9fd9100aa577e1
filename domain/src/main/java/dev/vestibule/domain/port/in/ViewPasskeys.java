package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Flux;

/** A signed-in user looks at their passkeys, oldest first. */
public interface ViewPasskeys {

    Flux<Passkey> of(UserId userId);
}
