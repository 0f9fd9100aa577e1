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
    REAUTHENTICATION_THROTTLED,
    /**
     * A session was signed out because the user's security stamp changed since it signed in (password
     * changed or reset, account disabled, "log out everywhere else").
     */
    SESSION_REVOKED,
    /** The user changed their password (every other session and remembered browser ends). */
    PASSWORD_CHANGED,
    /** A wrong current password was given on a page that asks for it. */
    CURRENT_PASSWORD_REJECTED,
    /** The user ended one of their sessions or remembered browsers from the sessions page. */
    SESSION_ENDED,
    /** The user logged out everywhere else. */
    LOGGED_OUT_EVERYWHERE_ELSE,
    /** The user deleted their account; kept, like the account's other events, without anything pointing to them. */
    ACCOUNT_DELETED,
    /** A signed-in user asked for a new email address; a link went to it, a notice to the old one. */
    EMAIL_CHANGE_REQUESTED,
    /** An address was confirmed by its link (a new one, or the one given at sign-up). */
    EMAIL_CONFIRMED,
    // issue 13 finding 1: the remember-me grace window
    /**
     * A remembered browser signed in with the secret its own parallel request had just replaced (tabs restored
     * at once), within the rotation grace.
     */
    REMEMBER_ME_GRACE_USED,
    // issue 14: twofactor
    /** The user enabled an authenticator app (and got a new set of recovery codes). */
    AUTHENTICATOR_APP_ENABLED,
    /** The user turned the authenticator app off; its recovery codes went with it. */
    AUTHENTICATOR_APP_DISABLED,
    /** The user replaced their recovery codes with a new set. */
    RECOVERY_CODES_REGENERATED,
    /** A sign-in's second step was passed with a recovery code (which is now spent). */
    RECOVERY_CODE_USED,
    /** A wrong code was given at a sign-in's second step. */
    SECOND_STEP_FAILED,
    /** A second step refused unchecked: too many wrong codes for the account. */
    SECOND_STEP_THROTTLED
}
