package dev.vestibule.domain.port.in;

import java.util.Objects;

/** The proof that an offered secret was set up: the sealed secret the page offered and a code the app shows. */
public record AuthenticatorAppEnrolment(
        ReauthenticationAttempt reauthentication, String sealedSecret, String code, String languageTag) {

    public AuthenticatorAppEnrolment {
        Objects.requireNonNull(reauthentication, "reauthentication");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        code = code == null ? "" : code;
        Objects.requireNonNull(languageTag, "languageTag");
    }

    @Override
    public String toString() {
        return "AuthenticatorAppEnrolment[" + reauthentication + ", <secret>, <code>]";
    }
}
