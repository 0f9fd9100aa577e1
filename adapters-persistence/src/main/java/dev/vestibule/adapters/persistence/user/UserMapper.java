package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Converts between {@link User} and its rows. */
final class UserMapper {

    private UserMapper() {}

    static UserRow toRow(User user) {
        return new UserRow(
                user.id().value(),
                user.username().value(),
                user.email().value(),
                user.passwordHash().map(PasswordHash::encoded).orElse(null),
                user.isActive(),
                // OffsetDateTime is the R2DBC type for TIMESTAMP WITH TIME ZONE, so PostgreSQL and H2 both bind it.
                OffsetDateTime.ofInstant(user.registeredAt(), ZoneOffset.UTC),
                user.securityStamp().value(),
                user.isEmailConfirmed());
    }

    static List<ExternalIdentityRow> toIdentityRows(User user) {
        return user.externalIdentities().stream()
                .map(identity -> new ExternalIdentityRow(user.id().value(), identity.provider(), identity.subject()))
                .toList();
    }

    static User toDomain(UserRow row, List<ExternalIdentityRow> identities) {
        return User.restore(
                new UserId(row.id()),
                new Username(row.username()),
                new EmailAddress(row.email()),
                row.passwordHash() == null ? null : new PasswordHash(row.passwordHash()),
                identities.stream()
                        .map(identity -> new ExternalIdentity(identity.provider(), identity.subject()))
                        .toList(),
                row.active(),
                row.registeredAt().toInstant(),
                new SecurityStamp(row.securityStamp()),
                row.emailConfirmed());
    }
}
