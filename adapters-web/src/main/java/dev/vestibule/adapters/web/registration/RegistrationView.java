package dev.vestibule.adapters.web.registration;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.port.in.RegistrationField;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import dev.vestibule.domain.port.in.RegistrationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the sign-up template sees, every text already in the visitor's language. Passwords are never sent
 * back to the browser.
 */
record RegistrationView(
        FieldView username,
        FieldView email,
        FieldView password,
        FieldView password2,
        String next,
        String formError,
        int passwordMinimum) {

    static RegistrationView blank(String next, int passwordMinimum) {
        return new RegistrationView(
                FieldView.empty(), FieldView.empty(), FieldView.empty(), FieldView.empty(), next, "", passwordMinimum);
    }

    /** The form as typed (no passwords), with one message for the whole form: too many sign-ups from here. */
    static RegistrationView throttled(RegistrationForm form, String next, String message, int passwordMinimum) {
        return new RegistrationView(
                new FieldView(Objects.requireNonNullElse(form.username(), ""), List.of()),
                new FieldView(Objects.requireNonNullElse(form.email(), ""), List.of()),
                FieldView.empty(),
                FieldView.empty(),
                next,
                message,
                passwordMinimum);
    }

    static RegistrationView from(
            RegistrationForm form,
            RegistrationOutcome.Rejected rejected,
            String next,
            int passwordMinimum,
            Texts texts) {
        return new RegistrationView(
                new FieldView(
                        Objects.requireNonNullElse(form.username(), ""),
                        texts(rejected, RegistrationField.USERNAME, texts)),
                new FieldView(
                        Objects.requireNonNullElse(form.email(), ""), texts(rejected, RegistrationField.EMAIL, texts)),
                new FieldView("", texts(rejected, RegistrationField.PASSWORD, texts)),
                new FieldView("", texts(rejected, RegistrationField.PASSWORD_REPEAT, texts)),
                next,
                "",
                passwordMinimum);
    }

    private static List<String> texts(RegistrationOutcome.Rejected rejected, RegistrationField field, Texts texts) {
        List<String> messages = new ArrayList<>();
        for (RegistrationProblem problem : rejected.problems().getOrDefault(field, List.of())) {
            messages.add(texts.get(ReasonTexts.of(problem)));
        }
        return messages;
    }

    /** The error summary above the form: every problem, in the order of the fields, linking to its field. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        username.errors().forEach(text -> problems.add(new Problem("username", text)));
        email.errors().forEach(text -> problems.add(new Problem("email", text)));
        password.errors().forEach(text -> problems.add(new Problem("password", text)));
        password2.errors().forEach(text -> problems.add(new Problem("password2", text)));
        return problems;
    }

    boolean hasProblems() {
        return username.invalid() || email.invalid() || password.invalid() || password2.invalid();
    }

    /** Whether this form was refused, for the page's title. */
    boolean failed() {
        return hasProblems() || !formError.isEmpty();
    }

    /** One line of the error summary: the id of the field (the link's target) and what is wrong with it. */
    record Problem(String field, String text) {}
}
