package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;

/** A user removes one of their passkeys: its id as the form sent it; the notice mail goes in {@code languageTag}. */
public record PasskeyRemovalCommand(UserId userId, String passkeyId, Origin origin, String languageTag) {

    public PasskeyRemovalCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(languageTag, "languageTag");
        passkeyId = Objects.requireNonNullElse(passkeyId, "");
    }
}
