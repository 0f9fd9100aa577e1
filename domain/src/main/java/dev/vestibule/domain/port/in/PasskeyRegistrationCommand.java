package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;

/**
 * A signed-in user's new passkey: the browser's registration response (JSON), the name typed for it (blank for the
 * default), where the request came from and the language of the notice mail.
 */
public record PasskeyRegistrationCommand(
        UserId userId, String responseJson, String name, Origin origin, String languageTag) {

    public PasskeyRegistrationCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(responseJson, "responseJson");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(languageTag, "languageTag");
        name = Objects.requireNonNullElse(name, "");
    }
}
