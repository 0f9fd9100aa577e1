package dev.vestibule.domain.port.in;

import java.util.Objects;

/**
 * The "forgot your password?" form as typed, with the language the mail should be written in (a BCP 47
 * tag; the supported language closest to it is used).
 */
public record PasswordResetRequest(String email, String languageTag) {

    public PasswordResetRequest {
        email = Objects.requireNonNullElse(email, "");
        languageTag = Objects.requireNonNullElse(languageTag, "");
    }
}
