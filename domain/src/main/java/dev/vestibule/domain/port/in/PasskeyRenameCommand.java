package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;

/** A user renames one of their passkeys: its id as the form sent it, and the new name as typed. */
public record PasskeyRenameCommand(UserId userId, String passkeyId, String name, Origin origin) {

    public PasskeyRenameCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
        passkeyId = Objects.requireNonNullElse(passkeyId, "");
        name = Objects.requireNonNullElse(name, "");
    }
}
