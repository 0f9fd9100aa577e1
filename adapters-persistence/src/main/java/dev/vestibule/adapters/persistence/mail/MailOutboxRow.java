package dev.vestibule.adapters.persistence.mail;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One mail as the {@code mail_outbox} table holds it; the link and notice columns are null where they do not apply. */
record MailOutboxRow(
        UUID userId,
        String kind,
        String recipient,
        String username,
        String languageTag,
        String link,
        Long validForMs,
        OffsetDateTime occurredAt,
        String clientAddress,
        String userAgent) {}
