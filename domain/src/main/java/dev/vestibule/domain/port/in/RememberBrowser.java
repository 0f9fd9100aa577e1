package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** Remembers the browser a user just logged in from ("remember me"), handing it a token to keep. */
public interface RememberBrowser {

    Mono<RememberMeToken> remember(UserId userId);
}
