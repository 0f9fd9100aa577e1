package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.Username;
import java.util.List;
import java.util.Objects;

/** How a password reset ended (typed reasons, never text). */
public sealed interface PasswordResetOutcome {

    /** The password is changed, the link spent, every session of the user ended. */
    record Reset(Username username) implements PasswordResetOutcome {
        public Reset {
            Objects.requireNonNull(username, "username");
        }
    }

    /** The link is used, expired, unknown, or its address is no longer the account's: nothing changed. */
    record LinkInvalid() implements PasswordResetOutcome {}

    /** The new password was refused; the link stays unspent. */
    record Rejected(List<Problem> password, List<Problem> passwordRepeat) implements PasswordResetOutcome {
        public Rejected {
            password = List.copyOf(password);
            passwordRepeat = List.copyOf(passwordRepeat);
            if (password.isEmpty() && passwordRepeat.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }
    }

    /** One thing wrong with the new password. */
    sealed interface Problem {}

    record PasswordMissing() implements Problem {}

    record WeakPassword(PasswordRejection reason) implements Problem {
        public WeakPassword {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The repeated password is not the password. */
    record PasswordsDiffer() implements Problem {}

    PasswordResetOutcome LINK_INVALID = new LinkInvalid();
}
