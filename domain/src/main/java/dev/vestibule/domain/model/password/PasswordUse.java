package dev.vestibule.domain.model.password;

/**
 * How a password is used, which decides how long it must be (NIST SP 800-63B rev. 4, section 3.1.1.2): on its own,
 * as the only factor of a sign-in, or only ever followed by a second factor.
 */
public enum PasswordUse {
    /** The password alone signs in: the account has no second factor (or the password may outlive it). */
    ONLY_FACTOR,
    /** Every sign-in with the password needs a second factor too: the account has one set up. */
    WITH_SECOND_FACTOR;

    /** The use of a password for an account that has (or has not) a second factor set up now. */
    public static PasswordUse forAccountWithSecondFactor(boolean hasSecondFactor) {
        return hasSecondFactor ? WITH_SECOND_FACTOR : ONLY_FACTOR;
    }
}
