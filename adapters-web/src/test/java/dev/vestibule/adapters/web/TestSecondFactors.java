package dev.vestibule.adapters.web;

import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * (issue 14) A store of second factors for the web slice tests: a test says what a user has set up, without the
 * enrolment pages. Every user it was not told about has none, so tests that never touch it see no change; the real
 * stores' beans add their part beside it, as in production.
 */
public final class TestSecondFactors implements SecondFactorEnrolments {

    private final Map<UserId, SecondFactors> enrolled = new ConcurrentHashMap<>();

    /** From now on, {@code user} has exactly these second factors (as far as this store knows). */
    public void set(UserId user, SecondFactors factors) {
        enrolled.put(user, factors);
    }

    @Override
    public Mono<SecondFactors> of(UserId user) {
        return Mono.fromSupplier(() -> enrolled.getOrDefault(user, SecondFactors.NONE));
    }
}
