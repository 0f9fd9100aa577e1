package dev.vestibule.domain.port.in;

/** Why a passkey ceremony did not finish; the page says less than this (one message for all but malformed input). */
public enum PasskeyRefusal {
    /** Not a WebAuthn response at all. */
    MALFORMED,
    /** The challenge was never issued for this ceremony and user, was used already, or expired. */
    CHALLENGE_NOT_VALID,
    /** No passkey has this credential id (removed, or never registered here). */
    UNKNOWN_CREDENTIAL,
    /** The signature, origin, relying party or user verification did not check out. */
    NOT_VERIFIED,
    /** The counter did not increase, or the backup eligibility changed: the authenticator may be a clone. */
    POSSIBLY_CLONED,
    /** The credential is not the pending user's, or the user changed since the password was given. */
    WRONG_USER,
    /** The account is disabled or gone. */
    ACCOUNT_UNAVAILABLE,
    /** The authenticator already holds a passkey of this site (a credential registers once). */
    ALREADY_REGISTERED
}
