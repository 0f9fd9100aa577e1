package dev.vestibule.adapters.web.passwordreset;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.port.in.PasswordResetOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What the new-password template sees: where the form posts (the link's own path) and the problems of each field,
 * already in the visitor's language. Passwords are never sent back to the browser.
 */
record NewPasswordView(String action, List<String> passwordErrors, List<String> password2Errors, int passwordMinimum) {

    static NewPasswordView blank(String action, int passwordMinimum) {
        return new NewPasswordView(action, List.of(), List.of(), passwordMinimum);
    }

    static NewPasswordView refused(
            String action, PasswordResetOutcome.Rejected rejected, int passwordMinimum, Texts texts) {
        return new NewPasswordView(
                action, texts(rejected.password(), texts), texts(rejected.passwordRepeat(), texts), passwordMinimum);
    }

    private static List<String> texts(List<PasswordResetOutcome.Problem> problems, Texts texts) {
        return problems.stream()
                .map(problem -> texts.get(ReasonTexts.of(problem)))
                .toList();
    }

    public boolean passwordInvalid() {
        return !passwordErrors.isEmpty();
    }

    public boolean password2Invalid() {
        return !password2Errors.isEmpty();
    }

    public boolean hasProblems() {
        return passwordInvalid() || password2Invalid();
    }

    /** The error summary above the form, in the order of the fields, each linking to its field. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        passwordErrors.forEach(text -> problems.add(new Problem("password", text)));
        password2Errors.forEach(text -> problems.add(new Problem("password2", text)));
        return problems;
    }

    record Problem(String field, String text) {}
}
