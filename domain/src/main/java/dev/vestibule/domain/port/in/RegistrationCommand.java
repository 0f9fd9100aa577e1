package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.mail.Mail;
import java.util.Objects;

/**
 * A sign-up form as typed. Fields are raw text: judging them is the use case's job, so that every
 * problem is reported at once, next to its field.
 */
public record RegistrationCommand(
        String username, String email, String password, String passwordRepeat, String languageTag) {

    /** A sign-up whose confirmation mail is in the fallback language. */
    public RegistrationCommand(String username, String email, String password, String passwordRepeat) {
        this(username, email, password, passwordRepeat, null);
    }

    public RegistrationCommand {
        // The language of the confirmation mail: one of Mail.LANGUAGES, from the browser's preference.
        languageTag = Mail.language(languageTag);
        username = Objects.requireNonNullElse(username, "");
        email = Objects.requireNonNullElse(email, "");
        password = Objects.requireNonNullElse(password, "");
        passwordRepeat = Objects.requireNonNullElse(passwordRepeat, "");
    }

    @Override
    public String toString() {
        return "RegistrationCommand[username=" + username + ", email=" + email + ", passwords=redacted]";
    }
}
