package dev.vestibule.application.breachcheck;

import dev.vestibule.domain.model.password.BreachCheckAnswer;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.password.WhenBreachCheckUnavailable;
import dev.vestibule.domain.port.out.BreachedPasswords;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Asks the breach corpus about a new password (sign-up, password change, password reset) and turns the answer into
 * a refusal or none. The use cases ask only once every synchronous rule of the {@link PasswordPolicy} has passed, so
 * a password refused anyway costs no request to somebody else's service.
 */
public final class BreachCheck {

    private final BreachedPasswords breachedPasswords;
    private final WhenBreachCheckUnavailable whenUnavailable;

    public BreachCheck(BreachedPasswords breachedPasswords, WhenBreachCheckUnavailable whenUnavailable) {
        this.breachedPasswords = Objects.requireNonNull(breachedPasswords, "breachedPasswords");
        this.whenUnavailable = Objects.requireNonNull(whenUnavailable, "whenUnavailable");
    }

    /** The default: no corpus is asked, every password passes. */
    public static BreachCheck off() {
        return new BreachCheck(BreachedPasswords.none(), WhenBreachCheckUnavailable.ACCEPT);
    }

    /** Why the corpus refuses this password, if it does; the password is asked in the form it would be hashed in. */
    public Mono<Optional<PasswordRejection>> screen(String password) {
        return Mono.defer(() -> breachedPasswords.check(PasswordPolicy.normalize(password)))
                // The port promises UNAVAILABLE rather than an error; an adapter that breaks it still
                // must not turn a sign-up into a 500.
                .onErrorReturn(BreachCheckAnswer.UNAVAILABLE)
                .defaultIfEmpty(BreachCheckAnswer.UNAVAILABLE)
                .map(answer -> answer.rejection(whenUnavailable));
    }
}
