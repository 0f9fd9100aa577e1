package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import reactor.core.publisher.Mono;

/** Signs a remembered browser back in from its token, rotating the token and catching stolen copies. */
public interface RecognizeRememberedBrowser {

    /** Recognizes the token; {@code origin} goes into the security events it causes. */
    Mono<RememberedBrowserRecognition> recognize(RememberMeToken token, Origin origin);
}
