package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.EmailAddress;
import java.util.Objects;

/** How pressing the confirm button ended. */
public sealed interface EmailConfirmationOutcome {

    record Confirmed(EmailAddress address) implements EmailConfirmationOutcome {
        public Confirmed {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Another account took the address since the link was sent; nothing changed and the link still stands. */
    record AddressTaken(EmailAddress address) implements EmailConfirmationOutcome {
        public AddressTaken {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Used, expired or unknown (or a race lost to another press of the button). */
    record LinkNotUsable() implements EmailConfirmationOutcome {}
}
