package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.twofactor.PendingLogin;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A visitor starts signing in with a passkey: without a password ({@code pending} empty), or as the second step of a
 * password sign-in that waits for it.
 */
public interface BeginPasskeySignIn {

    Mono<PasskeyRequestOptions> begin(Optional<PendingLogin> pending);
}
