package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.rememberme.RememberMeToken;
import reactor.core.publisher.Mono;

/** Forgets a remembered browser, as logging out must: its token will not sign anyone in again. */
public interface ForgetRememberedBrowser {

    Mono<Void> forget(RememberMeToken token);
}
