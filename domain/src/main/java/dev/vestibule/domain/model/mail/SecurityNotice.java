package dev.vestibule.domain.model.mail;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Instant;
import java.util.Objects;

/**
 * Tells the user that something happened to the account, when and from which browser and address, so that
 * someone who did not do it can act.
 */
public record SecurityNotice(
        UserId userId, EmailAddress to, Username username, String languageTag, Notice notice, Instant at, Origin origin)
        implements Mail {

    /** What happened. */
    public enum Notice {
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        EMAIL_CHANGE_REQUESTED,
        ACCOUNT_DELETED,
        REMEMBERED_BROWSER_THEFT,
        RECOVERY_CODE_USED,
        SECOND_FACTOR_CHANGED
    }

    public SecurityNotice {
        Mail.requireValid(userId, to, username, languageTag);
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public MailKind kind() {
        return MailKind.of(notice);
    }
}
