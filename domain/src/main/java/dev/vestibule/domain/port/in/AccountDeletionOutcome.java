package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import java.util.Objects;

/** How a deletion ended: the account is gone, or the user did not prove it was them and nothing changed. */
public sealed interface AccountDeletionOutcome {

    record Deleted() implements AccountDeletionOutcome {}

    record NotConfirmed(ReauthenticationOutcome refusal) implements AccountDeletionOutcome {
        public NotConfirmed {
            Objects.requireNonNull(refusal, "refusal");
            if (refusal.confirmed()) {
                throw new IllegalArgumentException("a confirmed re-authentication is no refusal");
            }
        }
    }
}
