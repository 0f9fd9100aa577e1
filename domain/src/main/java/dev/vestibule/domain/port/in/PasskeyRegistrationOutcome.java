package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.passkey.Passkey;
import java.util.Objects;

/** Whether the new passkey was stored. */
public sealed interface PasskeyRegistrationOutcome {

    record Added(Passkey passkey) implements PasskeyRegistrationOutcome {
        public Added {
            Objects.requireNonNull(passkey, "passkey");
        }
    }

    record Refused(PasskeyRefusal reason) implements PasskeyRegistrationOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
