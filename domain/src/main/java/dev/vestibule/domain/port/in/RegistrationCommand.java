package dev.vestibule.domain.port.in;

import java.util.Objects;

/**
 * A sign-up form as typed. Fields are raw text: judging them is the use case's job, so that every
 * problem is reported at once, next to its field.
 */
public record RegistrationCommand(String username, String email, String password, String passwordRepeat) {

    public RegistrationCommand {
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
