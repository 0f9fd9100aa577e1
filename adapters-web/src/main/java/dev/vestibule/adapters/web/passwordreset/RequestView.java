package dev.vestibule.adapters.web.passwordreset;

import java.util.List;
import java.util.Objects;

/** What the "forgot your password?" template sees: the address as typed and what is wrong with it, if anything. */
record RequestView(String email, List<String> errors) {

    static RequestView blank() {
        return new RequestView("", List.of());
    }

    static RequestView refused(String typed, String error) {
        return new RequestView(Objects.requireNonNullElse(typed, ""), List.of(error));
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }
}
