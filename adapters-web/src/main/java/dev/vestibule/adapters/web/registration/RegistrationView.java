package dev.vestibule.adapters.web.registration;

import dev.vestibule.domain.port.in.RegistrationField;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import java.util.List;
import java.util.Objects;

/** What the sign-up template sees. Passwords are never sent back to the browser. */
record RegistrationView(FieldView username, FieldView email, FieldView password, FieldView password2, String next,
                        String formError) {

    static RegistrationView blank(String next) {
        return new RegistrationView(FieldView.empty(), FieldView.empty(), FieldView.empty(), FieldView.empty(), next, "");
    }

    /** The form as typed (no passwords), with one message for the whole form: too many sign-ups from here. */
    static RegistrationView throttled(RegistrationForm form, String next, long retryAfterSeconds) {
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        return new RegistrationView(
                new FieldView(Objects.requireNonNullElse(form.username(), ""), List.of()),
                new FieldView(Objects.requireNonNullElse(form.email(), ""), List.of()),
                FieldView.empty(), FieldView.empty(), next,
                "Too many accounts were created from your network recently. Please try again in "
                        + minutes + (minutes == 1 ? " minute." : " minutes."));
    }

    static RegistrationView from(RegistrationForm form, RegistrationOutcome.Rejected rejected, String next) {
        var problems = rejected.problems();
        return new RegistrationView(
                new FieldView(Objects.requireNonNullElse(form.username(), ""), problems.getOrDefault(RegistrationField.USERNAME, List.of())),
                new FieldView(Objects.requireNonNullElse(form.email(), ""), problems.getOrDefault(RegistrationField.EMAIL, List.of())),
                new FieldView("", problems.getOrDefault(RegistrationField.PASSWORD, List.of())),
                new FieldView("", problems.getOrDefault(RegistrationField.PASSWORD_REPEAT, List.of())),
                next, "");
    }
}
