package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.adapters.persistence.Timestamps;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyId;
import dev.vestibule.domain.model.user.UserId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Between {@link Passkey} and its row; transports are kept comma-separated. */
final class PasskeyMapper {

    private PasskeyMapper() {}

    static PasskeyRow toRow(Passkey passkey) {
        return new PasskeyRow(
                passkey.id().value(),
                passkey.userId().value(),
                passkey.credentialId().value(),
                passkey.publicKeyCose(),
                passkey.signCount(),
                String.join(",", passkey.transports()),
                passkey.backupEligible(),
                passkey.backedUp(),
                passkey.name(),
                Timestamps.of(passkey.createdAt()),
                passkey.lastUsedAt().map(Timestamps::of).orElse(null));
    }

    static Passkey toDomain(PasskeyRow row) {
        List<String> transports = row.transports().isEmpty()
                ? List.of()
                : Arrays.asList(row.transports().split(","));
        return new Passkey(
                new PasskeyId(row.id()),
                new UserId(row.userId()),
                new CredentialId(row.credentialId()),
                row.publicKeyCose(),
                row.signCount(),
                transports,
                row.backupEligible(),
                row.backedUp(),
                row.name(),
                row.createdAt().toInstant(),
                Optional.ofNullable(row.lastUsedAt()).map(java.time.OffsetDateTime::toInstant));
    }
}
