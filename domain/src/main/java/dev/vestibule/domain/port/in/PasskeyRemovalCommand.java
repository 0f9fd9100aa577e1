package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;

/**
 * A user removes one of their passkeys: its id as the form sent it, with the proof of a fresh re-authentication (a
 * second factor is taken away, as when the authenticator app is turned off); the notice mail goes in
 * {@code languageTag}.
 */
public record PasskeyRemovalCommand(ReauthenticationAttempt reauthentication, String passkeyId, String languageTag) {

    public PasskeyRemovalCommand {
        Objects.requireNonNull(reauthentication, "reauthentication");
        Objects.requireNonNull(languageTag, "languageTag");
        passkeyId = Objects.requireNonNullElse(passkeyId, "");
    }

    public UserId userId() {
        return reauthentication.userId();
    }

    public Origin origin() {
        return reauthentication.origin();
    }
}
