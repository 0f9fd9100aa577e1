package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;

/**
 * The password form as sent: the passwords as typed (null when a field was left out), who is asking and
 * from which browser, and the language the notice is mailed in.
 */
public record PasswordChangeCommand(
        UserId user,
        String currentPassword,
        String newPassword,
        String newPasswordRepeated,
        ThisBrowser thisBrowser,
        Origin origin,
        String languageTag) {

    public PasswordChangeCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(thisBrowser, "thisBrowser");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(languageTag, "languageTag");
        currentPassword = Objects.requireNonNullElse(currentPassword, "");
        newPassword = Objects.requireNonNullElse(newPassword, "");
        newPasswordRepeated = Objects.requireNonNullElse(newPasswordRepeated, "");
    }

    @Override
    public String toString() {
        return "PasswordChangeCommand[" + user + "]";
    }
}
