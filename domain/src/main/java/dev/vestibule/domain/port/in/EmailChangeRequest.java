package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.mail.Mail;
import java.util.Objects;

/** The new address as typed, the user's proof, and the language of the mails that follow. */
public record EmailChangeRequest(ReauthenticationAttempt reauthentication, String newEmail, String languageTag) {

    public EmailChangeRequest {
        Objects.requireNonNull(reauthentication, "reauthentication");
        newEmail = Objects.requireNonNullElse(newEmail, "");
        languageTag = Mail.language(languageTag);
    }
}
