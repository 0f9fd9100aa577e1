package dev.vestibule.domain.model.mail;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;

/**
 * A link that confirms {@code to} as the user's address, valid for {@code validFor} from when it was issued.
 * {@link #toString()} never shows the link: it carries a token.
 */
public record EmailConfirmationLink(
        UserId userId, EmailAddress to, Username username, String languageTag, String link, Duration validFor)
        implements Mail {

    public EmailConfirmationLink {
        Mail.requireValid(userId, to, username, languageTag);
        Mail.requireLink(link, validFor);
    }

    @Override
    public MailKind kind() {
        return MailKind.EMAIL_CONFIRMATION_LINK;
    }

    @Override
    public String toString() {
        return "EmailConfirmationLink[userId=" + userId + ", to=" + to + ", username=" + username + ", languageTag="
                + languageTag + ", link=" + REDACTED + ", validFor=" + validFor + "]";
    }
}
