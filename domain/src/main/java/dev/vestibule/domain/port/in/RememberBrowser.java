package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** Remembers the browser a user just logged in from ("remember me"), handing it a token to keep. */
public interface RememberBrowser {

    /**
     * Remembers the browser under the user's current security stamp, noting where it was remembered from;
     * empty when the user no longer exists or may not sign in.
     */
    Mono<RememberMeToken> remember(UserId userId, Origin origin);
}
