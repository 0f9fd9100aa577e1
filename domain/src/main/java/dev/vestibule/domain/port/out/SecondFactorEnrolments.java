package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/**
 * One store's part of a user's second factors (the authenticator app and recovery codes; the passkeys); the parts
 * add up to what a sign-in asks for. Empty means nothing set up there.
 */
public interface SecondFactorEnrolments {

    Mono<SecondFactors> of(UserId userId);
}
