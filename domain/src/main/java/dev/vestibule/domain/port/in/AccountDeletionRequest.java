package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.mail.Mail;
import java.util.Objects;

/** Who deletes their account (with their proof and origin), and the language of the notice mailed to them. */
public record AccountDeletionRequest(ReauthenticationAttempt reauthentication, String languageTag) {

    public AccountDeletionRequest {
        Objects.requireNonNull(reauthentication, "reauthentication");
        languageTag = Mail.language(languageTag);
    }
}
