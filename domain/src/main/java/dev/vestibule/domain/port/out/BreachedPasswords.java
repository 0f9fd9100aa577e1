package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.password.BreachCheckAnswer;
import reactor.core.publisher.Mono;

/**
 * A corpus of passwords seen in breaches, kept by someone else and asked for each new password (issue 13, finding
 * 8: the breach check). Beside {@link dev.vestibule.domain.model.password.CommonPasswords}, which is bundled and
 * small, this one is large and current, so it is asked over the network, in a way that does not reveal the password
 * (a k-anonymity range query: only the first five hex digits of its SHA-1 leave the instance).
 */
@FunctionalInterface
public interface BreachedPasswords {

    /**
     * Whether the password (already normalized, as it would be hashed) is in the corpus. Completes with
     * {@link BreachCheckAnswer#UNAVAILABLE} rather than an error when the corpus could not answer in time; what
     * to do then is the caller's choice (fail open or closed).
     */
    Mono<BreachCheckAnswer> check(String password);

    /** The breach check turned off: every password is not known to be breached. */
    static BreachedPasswords none() {
        return password -> Mono.just(BreachCheckAnswer.NOT_BREACHED);
    }
}
