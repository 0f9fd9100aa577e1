package dev.vestibule.domain.model.twofactor;

/**
 * What second factors a user has set up: whether an authenticator app is enabled, how many recovery codes are left
 * unused, how many passkeys are registered. Each store contributes its part; the parts add up.
 */
public record SecondFactors(boolean authenticatorApp, int recoveryCodesLeft, int passkeys) {

    public static final SecondFactors NONE = new SecondFactors(false, 0, 0);

    public SecondFactors {
        if (recoveryCodesLeft < 0 || passkeys < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /**
     * Whether a password sign-in needs a second step. Recovery codes alone do not count: they stand in for an
     * authenticator app, and exist only while one is enabled.
     */
    public boolean any() {
        return authenticatorApp || passkeys > 0;
    }

    /** What two stores know, together. */
    public SecondFactors plus(SecondFactors other) {
        return new SecondFactors(
                authenticatorApp || other.authenticatorApp,
                recoveryCodesLeft + other.recoveryCodesLeft,
                passkeys + other.passkeys);
    }
}
