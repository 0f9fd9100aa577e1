package dev.vestibule.adapters.web.registration;

import dev.vestibule.domain.port.in.RegistrationCommand;

/** The sign-up form as posted; field names are part of the HTTP contract. */
record RegistrationForm(String username, String email, String password, String password2, String next) {

    /** The confirmation mail of the new address goes out in {@code languageTag}, the page's language. */
    RegistrationCommand toCommand(String languageTag) {
        return new RegistrationCommand(username, email, password, password2, languageTag);
    }

    @Override
    public String toString() {
        return "RegistrationForm[username=" + username + ", email=" + email + ", passwords=redacted]";
    }
}
