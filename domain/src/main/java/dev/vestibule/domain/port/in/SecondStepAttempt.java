package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import java.util.Objects;

/** What the second step was given: the pending login, the code typed, where from, and the language of notices. */
public record SecondStepAttempt(PendingLogin login, String code, Origin origin, String languageTag) {

    public SecondStepAttempt {
        Objects.requireNonNull(login, "login");
        code = code == null ? "" : code;
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(languageTag, "languageTag");
    }

    @Override
    public String toString() {
        return "SecondStepAttempt[login=" + login + ", code=<hidden>, origin=" + origin + "]";
    }
}
