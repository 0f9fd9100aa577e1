package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.UserId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Marks the browser a user just signed in from as known, so that it keeps its own login allowance when
 * someone else hammers the account.
 */
public interface MarkBrowserKnown {

    /** The known-browser id the browser should keep: the one it presented if still valid for the user, else a new one. */
    Mono<String> trust(UserId userId, Optional<String> presentedDeviceId);
}
