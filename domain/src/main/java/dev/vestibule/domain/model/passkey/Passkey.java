package dev.vestibule.domain.model.passkey;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered passkey: whose it is, the credential's id and COSE public key (base64url), the authenticator's last
 * signature counter, the transports it said it speaks, its backup flags (BE: may be synced; BS: is backed up now),
 * the user's name for it, when it was added and last used.
 */
public record Passkey(
        PasskeyId id,
        UserId userId,
        CredentialId credentialId,
        String publicKeyCose,
        long signCount,
        List<String> transports,
        boolean backupEligible,
        boolean backedUp,
        String name,
        Instant createdAt,
        Optional<Instant> lastUsedAt) {

    public Passkey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(publicKeyCose, "publicKeyCose");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        transports = List.copyOf(transports);
        if (signCount < 0 || signCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a signature counter is an unsigned 32-bit number");
        }
        if (backedUp && !backupEligible) {
            throw new IllegalArgumentException("a credential that may not be backed up is never backed up");
        }
    }

    /** A passkey just registered from a verified attestation. */
    public static Passkey register(UserId userId, NewCredential credential, String name, Instant now) {
        return new Passkey(
                PasskeyId.random(),
                userId,
                credential.credentialId(),
                credential.publicKeyCose(),
                credential.signCount(),
                credential.transports(),
                credential.backupEligible(),
                credential.backedUp(),
                name,
                now,
                Optional.empty());
    }

    /**
     * What a verified assertion does to the stored state (WebAuthn Level 3 §7.2 steps 21-22). A counter that does
     * not increase while either the stored or the presented one is non-zero means two authenticators may hold this
     * credential (a clone): the assertion is refused. The backup-state flag may change from use to use; backup
     * eligibility may not (it is fixed when the credential is created).
     */
    public PasskeyUse use(
            long presentedSignCount, boolean presentedBackupEligible, boolean presentedBackedUp, Instant at) {
        if (presentedBackupEligible != backupEligible) {
            return new PasskeyUse.BackupEligibilityChanged();
        }
        if ((presentedSignCount != 0 || signCount != 0) && presentedSignCount <= signCount) {
            return new PasskeyUse.CounterNotIncreased(signCount, presentedSignCount);
        }
        return new PasskeyUse.Accepted(new Passkey(
                id,
                userId,
                credentialId,
                publicKeyCose,
                presentedSignCount,
                transports,
                backupEligible,
                presentedBackedUp,
                name,
                createdAt,
                Optional.of(at)));
    }

    public Passkey renamed(String newName) {
        return new Passkey(
                id,
                userId,
                credentialId,
                publicKeyCose,
                signCount,
                transports,
                backupEligible,
                backedUp,
                newName,
                createdAt,
                lastUsedAt);
    }
}
