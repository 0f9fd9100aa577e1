package dev.vestibule.domain.port.in;

import java.util.Objects;

/** The new-password form of a reset link as typed, with the language the notice should be written in. */
public record PasswordResetCommand(String token, String password, String passwordRepeat, String languageTag) {

    public PasswordResetCommand {
        token = Objects.requireNonNullElse(token, "");
        password = Objects.requireNonNullElse(password, "");
        passwordRepeat = Objects.requireNonNullElse(passwordRepeat, "");
        languageTag = Objects.requireNonNullElse(languageTag, "");
    }

    /** Keeps the token and the passwords out of logs. */
    @Override
    public String toString() {
        return "PasswordResetCommand[token=redacted, passwords=redacted, languageTag=" + languageTag + "]";
    }
}
