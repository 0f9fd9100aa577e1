package dev.vestibule.domain.model.password;

/** What comparing a presented password with a stored hash found. */
public enum PasswordCheck {
    MATCHES,
    /** Right password, but the hash was made with outdated parameters: store a new one now that we have the password. */
    MATCHES_BUT_OUTDATED,
    DOES_NOT_MATCH;

    public boolean matches() {
        return this != DOES_NOT_MATCH;
    }
}
