package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.password.PasswordRejection;
import java.util.Objects;

/** Why a password change was refused; nothing changed. */
public sealed interface PasswordChangeProblem {

    /** The current password was left out or is not the user's: the same answer for both. */
    record CurrentPasswordWrong() implements PasswordChangeProblem {}

    record PasswordMissing() implements PasswordChangeProblem {}

    record WeakPassword(PasswordRejection reason) implements PasswordChangeProblem {
        public WeakPassword {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record PasswordsDiffer() implements PasswordChangeProblem {}
}
