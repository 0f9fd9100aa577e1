package dev.vestibule.domain.model.passkey;

/** What a challenge was issued for; it finishes that ceremony only. */
public enum CeremonyPurpose {
    /** Adding a passkey to the signed-in user's account. */
    REGISTRATION,
    /** Signing in with a passkey and no password (a discoverable credential names the account). */
    SIGN_IN,
    /** The second step after a password: the credential must be one of the pending user's. */
    SECOND_FACTOR
}
