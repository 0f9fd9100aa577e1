package dev.vestibule.adapters.web.account;

import java.util.List;

/** What the account deletion page sees: whose account, the current-password field, and a message for the form. */
record AccountDeletionView(String username, CurrentPasswordField currentPassword, String formError) {

    boolean failed() {
        return currentPassword.invalid() || !formError.isEmpty();
    }

    /** The error summary above the form, linking to the field. */
    List<String> problems() {
        return currentPassword.errors();
    }
}
