package dev.vestibule.adapters.web.passwordreset;

/** The new-password form of a reset link as posted; field names are part of the HTTP contract. */
record NewPasswordForm(String password, String password2) {

    @Override
    public String toString() {
        return "NewPasswordForm[passwords=redacted]";
    }
}
