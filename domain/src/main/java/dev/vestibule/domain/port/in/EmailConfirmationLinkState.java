package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.EmailAddress;
import java.util.Objects;

/** What an opened confirmation link is: one that would confirm {@code address}, or one that no longer works. */
public sealed interface EmailConfirmationLinkState {

    record Usable(EmailAddress address) implements EmailConfirmationLinkState {
        public Usable {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Used, expired, unknown, or its account is gone or disabled: one answer for all. */
    record NotUsable() implements EmailConfirmationLinkState {}
}
