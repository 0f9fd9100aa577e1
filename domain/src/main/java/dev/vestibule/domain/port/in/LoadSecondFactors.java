package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** What second factors a user has set up, across every store that keeps one (never empty: none is {@code NONE}). */
public interface LoadSecondFactors {

    Mono<SecondFactors> of(UserId userId);
}
