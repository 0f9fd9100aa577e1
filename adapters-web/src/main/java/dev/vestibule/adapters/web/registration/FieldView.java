package dev.vestibule.adapters.web.registration;

import java.util.List;

/** One form field as the template shows it: the value to keep (never a password) and its problems. */
record FieldView(String value, List<String> errors) {

    static FieldView empty() {
        return new FieldView("", List.of());
    }

    /** For aria-invalid and the error styling. */
    public boolean invalid() {
        return !errors.isEmpty();
    }
}
