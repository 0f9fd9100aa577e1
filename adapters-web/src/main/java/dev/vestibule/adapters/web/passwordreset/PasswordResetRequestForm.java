package dev.vestibule.adapters.web.passwordreset;

/** The "forgot your password?" form as posted; the field name is part of the HTTP contract. */
record PasswordResetRequestForm(String email) {}
