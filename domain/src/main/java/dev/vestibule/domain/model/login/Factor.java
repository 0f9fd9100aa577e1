package dev.vestibule.domain.model.login;

/**
 * One kind of proof a sign-in rests on, in Spring Security 7's vocabulary of factors ({@code FactorGrantedAuthority}:
 * which factors, when), so that a page can ask for "a second factor within N minutes" and the web adapter can map each
 * onto Spring's authority names.
 */
public enum Factor {
    /** Something the user knows: the account's password. */
    PASSWORD,
    /** A code from the user's authenticator app (TOTP, RFC 6238). */
    AUTHENTICATOR_APP,
    /** One of the user's single-use recovery codes, standing in for the authenticator app. */
    RECOVERY_CODE,
    /** A passkey (WebAuthn) with user verification: the device and its PIN or biometric, phishing-resistant. */
    PASSKEY,
    /** A remembered browser's remember-me cookie, issued after a complete sign-in. */
    REMEMBERED_BROWSER;

    /** Whether this factor, given after the password, completes a sign-in that needs a second step. */
    public boolean isSecondFactor() {
        return this == AUTHENTICATOR_APP || this == RECOVERY_CODE || this == PASSKEY;
    }
}
