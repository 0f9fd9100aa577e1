package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.UsernameRejection;
import java.util.Objects;

/** One thing wrong with a sign-up, typed, with its data; the web adapter puts it into words. */
public sealed interface RegistrationProblem {

    record InvalidUsername(UsernameRejection reason) implements RegistrationProblem {
        public InvalidUsername {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Another account has this username, ignoring case. */
    record UsernameTaken() implements RegistrationProblem {}

    record InvalidEmail(EmailRejection reason) implements RegistrationProblem {
        public InvalidEmail {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Another account has this email address. */
    record EmailTaken() implements RegistrationProblem {}

    record PasswordMissing() implements RegistrationProblem {}

    record WeakPassword(PasswordRejection reason) implements RegistrationProblem {
        public WeakPassword {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The repeated password is not the password. */
    record PasswordsDiffer() implements RegistrationProblem {}
}
