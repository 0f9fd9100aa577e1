package dev.vestibule.domain.model.mail;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;

/**
 * A link that lets the user choose a new password, valid for {@code validFor} from when it was issued.
 * {@link #toString()} never shows the link: it carries a token.
 */
public record PasswordResetLink(
        UserId userId, EmailAddress to, Username username, String languageTag, String link, Duration validFor)
        implements Mail {

    public PasswordResetLink {
        Mail.requireValid(userId, to, username, languageTag);
        Mail.requireLink(link, validFor);
    }

    @Override
    public MailKind kind() {
        return MailKind.PASSWORD_RESET_LINK;
    }

    @Override
    public String toString() {
        return "PasswordResetLink[userId=" + userId + ", to=" + to + ", username=" + username + ", languageTag="
                + languageTag + ", link=" + REDACTED + ", validFor=" + validFor + "]";
    }
}
