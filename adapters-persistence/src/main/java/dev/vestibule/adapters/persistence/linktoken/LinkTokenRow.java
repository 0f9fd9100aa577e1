package dev.vestibule.adapters.persistence.linktoken;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code link_tokens} (without {@code spent_at}, which only the queries look at). */
record LinkTokenRow(
        String tokenHash,
        String purpose,
        UUID userId,
        String sentTo,
        OffsetDateTime issuedAt,
        OffsetDateTime expiresAt) {}
