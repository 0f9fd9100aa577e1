package dev.vestibule.adapters.web.security;

import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.User;
import java.security.Principal;
import java.util.Objects;

/**
 * The principal of a password login that still needs its second step: not a {@link
 * dev.vestibule.adapters.web.session.SignedInUser}, so the context repository stores no sign-in for it, and the
 * success handler opens the second step instead.
 */
record AwaitingSecondStep(User user, SignInFactors factorsSoFar) implements Principal {

    AwaitingSecondStep {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(factorsSoFar, "factorsSoFar");
    }

    @Override
    public String getName() {
        return user.username().value();
    }
}
