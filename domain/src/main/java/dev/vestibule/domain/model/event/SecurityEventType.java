package dev.vestibule.domain.model.event;

/**
 * Every change of authentication state that is recorded (OWASP ASVS V16 security logging). The account
 * activity page names each in the reader's language.
 */
public enum SecurityEventType {
    /** An account was created. */
    REGISTERED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** A login attempt refused unchecked: too many failures. */
    LOGIN_THROTTLED,
    /** A remembered browser was signed in again without a password. */
    REMEMBER_ME_USED,
    /** A remembered login was replayed from elsewhere after rotation, and cancelled. */
    REMEMBER_ME_THEFT_DETECTED,
    LOGGED_OUT,
    /** A session reached its maximum lifetime and was signed out. */
    SESSION_EXPIRED,
    /** A password-reset link was asked for (without a user when no account has the address). */
    PASSWORD_RESET_REQUESTED,
    /** The password was reset with a mailed link; every session of the user ended. */
    PASSWORD_RESET,
    // --- re-authentication, account deletion, email change ---
    /** A signed-in user gave their current password again before a sensitive change. */
    REAUTHENTICATED,
    /** A signed-in user gave a wrong current password before a sensitive change. */
    REAUTHENTICATION_FAILED,
    /** A current-password check refused unchecked: too many failures. */
    REAUTHENTICATION_THROTTLED
}
