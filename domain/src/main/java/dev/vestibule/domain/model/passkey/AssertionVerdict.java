package dev.vestibule.domain.model.passkey;

/** Whether an assertion's signature and data passed verification against the stored passkey. */
public sealed interface AssertionVerdict {

    /** The signature is the passkey's; what the authenticator data says about the counter and the backup flags. */
    record Verified(long signCount, boolean backupEligible, boolean backedUp) implements AssertionVerdict {}

    /** Wrong signature, origin, relying party or challenge, or no user verification. */
    record Rejected() implements AssertionVerdict {}
}
