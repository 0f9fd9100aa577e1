package dev.vestibule.adapters.persistence.passkey;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code passkeys}. */
record PasskeyRow(
        UUID id,
        UUID userId,
        String credentialId,
        String publicKeyCose,
        long signCount,
        String transports,
        boolean backupEligible,
        boolean backedUp,
        String name,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt) {}
