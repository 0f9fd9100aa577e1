package dev.vestibule.adapters.persistence.mail;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;
import java.util.Arrays;

/** Between {@link Mail} and {@link MailOutboxRow}. */
final class MailOutboxMapper {

    private MailOutboxMapper() {}

    static MailOutboxRow toRow(Mail mail) {
        String kind = mail.kind().name();
        if (mail instanceof PasswordResetLink reset) {
            return linkRow(mail, kind, reset.link(), reset.validFor());
        }
        if (mail instanceof EmailConfirmationLink confirmation) {
            return linkRow(mail, kind, confirmation.link(), confirmation.validFor());
        }
        SecurityNotice notice = (SecurityNotice) mail;
        return new MailOutboxRow(
                mail.userId().value(),
                kind,
                mail.to().value(),
                mail.username().value(),
                mail.languageTag(),
                null,
                null,
                Timestamps.of(notice.at()),
                notice.origin().clientAddress(),
                notice.origin().userAgent());
    }

    private static MailOutboxRow linkRow(Mail mail, String kind, String link, Duration validFor) {
        return new MailOutboxRow(
                mail.userId().value(),
                kind,
                mail.to().value(),
                mail.username().value(),
                mail.languageTag(),
                link,
                validFor.toMillis(),
                null,
                null,
                null);
    }

    static Mail toDomain(MailOutboxRow row) {
        UserId userId = new UserId(row.userId());
        EmailAddress to = new EmailAddress(row.recipient());
        Username username = new Username(row.username());
        MailKind kind = MailKind.valueOf(row.kind());
        return switch (kind) {
            case PASSWORD_RESET_LINK ->
                new PasswordResetLink(
                        userId, to, username, row.languageTag(), row.link(), Duration.ofMillis(row.validForMs()));
            case EMAIL_CONFIRMATION_LINK ->
                new EmailConfirmationLink(
                        userId, to, username, row.languageTag(), row.link(), Duration.ofMillis(row.validForMs()));
            default ->
                new SecurityNotice(
                        userId,
                        to,
                        username,
                        row.languageTag(),
                        notice(kind),
                        row.occurredAt().toInstant(),
                        new Origin(row.clientAddress(), row.userAgent()));
        };
    }

    private static SecurityNotice.Notice notice(MailKind kind) {
        return Arrays.stream(SecurityNotice.Notice.values())
                .filter(notice -> MailKind.of(notice) == kind)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("not a notice: " + kind));
    }
}
