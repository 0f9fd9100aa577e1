package dev.vestibule.adapters.web.account;

import java.util.List;

/** The new-address field of the email page: the address as typed, and what is wrong with it. */
record EmailField(String value, List<String> errors) {

    static EmailField empty() {
        return new EmailField("", List.of());
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }
}
