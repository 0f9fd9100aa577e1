package dev.vestibule.adapters.web.account;

import java.util.ArrayList;
import java.util.List;

/** What the email page sees: the current address, the new-address field, the current-password field. */
record AccountEmailView(String currentEmail, EmailField email, CurrentPasswordField currentPassword, String formError) {

    boolean failed() {
        return email.invalid() || currentPassword.invalid() || !formError.isEmpty();
    }

    boolean hasProblems() {
        return email.invalid() || currentPassword.invalid();
    }

    /** The error summary above the form, in the order of the fields, each linking to its field. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        email.errors().forEach(text -> problems.add(new Problem("email", text)));
        currentPassword.errors().forEach(text -> problems.add(new Problem("current-password", text)));
        return problems;
    }

    record Problem(String field, String text) {}
}
