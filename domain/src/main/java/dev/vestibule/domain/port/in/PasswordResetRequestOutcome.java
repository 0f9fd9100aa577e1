package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.EmailRejection;
import java.util.Objects;

/**
 * How a reset request ended. {@link Answered} is the one answer for an address with an account, one
 * without, and a throttled request alike; only a text that is no email address at all is refused.
 */
public sealed interface PasswordResetRequestOutcome {

    /** "If an account has this address, a link is on its way." */
    record Answered() implements PasswordResetRequestOutcome {}

    /** The text is not an email address (no account can have it): the form says what is wrong. */
    record Rejected(EmailRejection reason) implements PasswordResetRequestOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    PasswordResetRequestOutcome ANSWERED = new Answered();
}
