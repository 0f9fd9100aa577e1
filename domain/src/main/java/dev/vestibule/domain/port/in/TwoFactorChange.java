package dev.vestibule.domain.port.in;

import java.util.Objects;

/** A change to the second factors: who asks, their proof, and the language of the notice mail. */
public record TwoFactorChange(ReauthenticationAttempt reauthentication, String languageTag) {

    public TwoFactorChange {
        Objects.requireNonNull(reauthentication, "reauthentication");
        Objects.requireNonNull(languageTag, "languageTag");
    }
}
