package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.UserId;
import java.util.List;
import reactor.core.publisher.Mono;

/** The user's signed-in sessions and remembered browsers, newest first, this browser's marked. */
public interface ViewSignIns {

    Mono<List<SignIn>> view(UserId user, ThisBrowser thisBrowser);
}
