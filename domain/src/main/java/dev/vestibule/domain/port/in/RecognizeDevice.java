package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.login.RememberMeToken;
import reactor.core.publisher.Mono;

/** Signs a remembered browser back in from its token, rotating the token and catching stolen copies. */
public interface RecognizeDevice {

    Mono<DeviceRecognition> recognize(RememberMeToken token);
}
