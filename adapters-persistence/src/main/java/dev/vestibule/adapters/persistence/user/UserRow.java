package dev.vestibule.adapters.persistence.user;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code users}; {@code passwordHash} is null for users known only through an external provider. */
record UserRow(
        UUID id,
        String username,
        String email,
        String passwordHash,
        boolean active,
        OffsetDateTime registeredAt,
        String securityStamp,
        boolean emailConfirmed) {}
