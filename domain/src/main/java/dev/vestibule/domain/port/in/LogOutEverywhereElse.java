package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/**
 * "Log out everywhere else": every session and remembered browser of the user ends but this browser's.
 * The user's security stamp is renewed, so a session the registry does not know of ends too.
 */
public interface LogOutEverywhereElse {

    /** The new stamp, which this browser's session must now carry. */
    Mono<SecurityStamp> logOutEverywhereElse(UserId user, ThisBrowser thisBrowser, Origin origin);
}
