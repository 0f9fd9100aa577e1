package dev.vestibule.adapters.persistence.rememberme;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code remembered_devices}. */
record RememberedBrowserRow(
        String series,
        UUID userId,
        String secretHash,
        String previousSecretHash,
        OffsetDateTime rotatedAt,
        OffsetDateTime expiresAt,
        String securityStamp,
        OffsetDateTime rememberedAt,
        String clientAddress,
        String userAgent,
        String graceBrowser,
        int graceUses) {}
