package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.UserId;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Marks the browser a user just signed in from as known, so that it keeps its own login allowance when
 * someone else hammers the account.
 */
public interface MarkBrowserKnown {

    /**
     * The known-browser id the browser should keep for this user: the one of those it presented that is still valid
     * for the user, else a new one. A browser presents one id per account it signed in to (issue 13 finding 6).
     */
    Mono<String> trust(UserId userId, List<String> presentedDeviceIds);
}
