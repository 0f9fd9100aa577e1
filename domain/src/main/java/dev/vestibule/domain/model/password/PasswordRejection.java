package dev.vestibule.domain.model.password;

/** Why a chosen password was refused, with what the user needs to know to choose a better one. */
public sealed interface PasswordRejection {

    record TooShort(int minimumLength) implements PasswordRejection {}

    record TooLong(int maximumLength) implements PasswordRejection {}

    /** On the list of passwords that attackers try first. */
    record Common() implements PasswordRejection {}

    record ContainsUsername() implements PasswordRejection {}

    /** Contains the local part of the user's email address. */
    record ContainsEmail() implements PasswordRejection {}

    /** NIST SP 800-63B accepts every printing character and space; control characters are neither. */
    record ControlCharacters() implements PasswordRejection {}

    // issue 13 finding 8: breached passwords
    /** Seen in a breach, according to the breach check (a corpus far larger than the bundled common list). */
    record Breached() implements PasswordRejection {}

    /** The breach check could not answer and the deployment fails closed: nothing is wrong with the password yet. */
    record BreachCheckUnavailable() implements PasswordRejection {}
}
