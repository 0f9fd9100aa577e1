package dev.vestibule.adapters.mail;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One mail of every kind, in a given language. */
final class TestMails {

    static final String RESET_LINK = "https://vestibule.example/password-reset/Zm9vYmFyLXRva2Vu?x=1&y=2";
    static final String CONFIRMATION_LINK = "https://vestibule.example/email-confirmation/YmF6LXRva2Vu";
    static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
    static final Origin ORIGIN = new Origin("203.0.113.42", "Mozilla/5.0 <script>alert(1)</script> Firefox/128.0");

    private TestMails() {}

    static PasswordResetLink reset(String language) {
        return new PasswordResetLink(
                UserId.random(),
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                language,
                RESET_LINK,
                Duration.ofHours(1));
    }

    static EmailConfirmationLink confirmation(String language) {
        return new EmailConfirmationLink(
                UserId.random(),
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                language,
                CONFIRMATION_LINK,
                Duration.ofHours(24));
    }

    static SecurityNotice notice(String language, SecurityNotice.Notice notice) {
        return new SecurityNotice(
                UserId.random(),
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                language,
                notice,
                AT,
                ORIGIN);
    }

    static List<Mail> everyKind(String language) {
        List<Mail> mails = new ArrayList<>(List.of(reset(language), confirmation(language)));
        for (SecurityNotice.Notice notice : SecurityNotice.Notice.values()) {
            mails.add(notice(language, notice));
        }
        return mails;
    }
}
