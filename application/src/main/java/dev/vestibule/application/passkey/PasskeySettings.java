package dev.vestibule.application.passkey;

import dev.vestibule.domain.model.passkey.RelyingParty;
import java.time.Duration;
import java.util.Objects;

/**
 * The relying party the passkeys belong to, and how long the browser may take over a ceremony (the options'
 * {@code timeout}; the challenge itself lapses after {@link dev.vestibule.domain.model.passkey.PasskeyChallenge#LIFETIME}).
 */
public record PasskeySettings(RelyingParty relyingParty, Duration ceremonyTimeout) {

    public static final Duration DEFAULT_CEREMONY_TIMEOUT = Duration.ofMinutes(2);

    public PasskeySettings {
        Objects.requireNonNull(relyingParty, "relyingParty");
        Objects.requireNonNull(ceremonyTimeout, "ceremonyTimeout");
    }

    public PasskeySettings(RelyingParty relyingParty) {
        this(relyingParty, DEFAULT_CEREMONY_TIMEOUT);
    }
}
