package dev.vestibule.application.passkey;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.User;
import java.time.Instant;

/** The mail that tells a user their second factors changed (a passkey added or removed). */
final class PasskeyNotices {

    private PasskeyNotices() {}

    static SecurityNotice secondFactorChanged(User user, String languageTag, Instant at, Origin origin) {
        return new SecurityNotice(
                user.id(),
                user.email(),
                user.username(),
                languageTag,
                SecurityNotice.Notice.SECOND_FACTOR_CHANGED,
                at,
                origin);
    }
}
