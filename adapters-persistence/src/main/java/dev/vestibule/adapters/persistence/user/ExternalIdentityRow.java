package dev.vestibule.adapters.persistence.user;

import java.util.UUID;

/** One row of {@code external_identities}. */
record ExternalIdentityRow(UUID userId, String provider, String subject) {}
