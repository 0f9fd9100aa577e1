package dev.vestibule.domain.model.linktoken;

/** What a link is for: a token issued for one purpose is never accepted for the other. */
public enum LinkPurpose {
    /** Lets the user choose a new password; valid only while the account still has the address it was sent to. */
    PASSWORD_RESET(true),
    /** Confirms the address it was sent to, which may be a new one the account does not have yet. */
    EMAIL_CONFIRMATION(false);

    private final boolean requiresCurrentAddress;

    LinkPurpose(boolean requiresCurrentAddress) {
        this.requiresCurrentAddress = requiresCurrentAddress;
    }

    /**
     * Whether the link works only while the user's address is the one it was sent to: a reset link mailed to an
     * address the account has since left must not reset anything; a confirmation link confirms its own address.
     */
    public boolean requiresCurrentAddress() {
        return requiresCurrentAddress;
    }
}
