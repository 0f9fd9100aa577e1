package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link UserRepository} on R2DBC, where the database's unique indexes decide which of two racing sign-ups wins. */
public final class R2dbcUserRepository implements UserRepository {

    private static final String USER_COLUMNS =
            "u.id, u.username, u.email, u.password_hash, u.active, u.registered_at, u.security_stamp, u.email_confirmed";

    private final DatabaseClient databaseClient;
    private final TransactionalOperator transactionalOperator;

    public R2dbcUserRepository(DatabaseClient databaseClient, TransactionalOperator transactionalOperator) {
        this.databaseClient = Objects.requireNonNull(databaseClient, "databaseClient");
        this.transactionalOperator = Objects.requireNonNull(transactionalOperator, "transactionalOperator");
    }

    @Override
    public Mono<AddUserResult> add(User user) {
        UserRow row = UserMapper.toRow(user);
        Mono<Long> insertUser = databaseClient
                .sql("""
                        INSERT INTO users (id, username, email, password_hash, active, registered_at,
                            security_stamp, email_confirmed)
                        VALUES (:id, :username, :email, :passwordHash, :active, :registeredAt,
                            :securityStamp, :emailConfirmed)""")
                .bind("id", row.id())
                .bind("username", row.username())
                .bind("email", row.email())
                .bind("passwordHash", Parameters.in(R2dbcType.VARCHAR, row.passwordHash()))
                .bind("active", row.active())
                .bind("registeredAt", row.registeredAt())
                .bind("securityStamp", row.securityStamp())
                .bind("emailConfirmed", row.emailConfirmed())
                .fetch()
                .rowsUpdated();
        Flux<Long> insertIdentities = Flux.fromIterable(UserMapper.toIdentityRows(user))
                .concatMap(identity -> databaseClient
                        .sql("""
                                INSERT INTO external_identities (provider, subject, user_id)
                                VALUES (:provider, :subject, :userId)""")
                        .bind("provider", identity.provider())
                        .bind("subject", identity.subject())
                        .bind("userId", identity.userId())
                        .fetch()
                        .rowsUpdated());
        // The error is translated outside the transaction, so that the transaction sees it and rolls back.
        return transactionalOperator
                .transactional(insertUser.thenMany(insertIdentities).then())
                .then(Mono.<AddUserResult>fromSupplier(() -> new AddUserResult.Added(user)))
                .onErrorResume(
                        DataIntegrityViolationException.class,
                        failure -> UniqueViolations.resultOf(failure)
                                .map(Mono::just)
                                .orElseGet(() -> Mono.error(failure)));
    }

    @Override
    public Mono<User> findById(UserId id) {
        return findOne(databaseClient.sql(selectUsersWhere("u.id = :id")).bind("id", id.value()));
    }

    @Override
    public Mono<User> findByLogin(String login) {
        // Lower-cased here rather than by the database, whose lower() depends on its collation (with C it
        // leaves non-ASCII letters alone): the stored email and Username.canonical() use Java's rules too.
        // Both sides are the indexed expressions, so PostgreSQL can use both unique indexes.
        return findOne(databaseClient
                .sql(selectUsersWhere("lower(u.username) = :login OR lower(u.email) = :login"))
                .bind("login", login.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Mono<User> findByExternalIdentity(ExternalIdentity identity) {
        return findOne(databaseClient
                .sql(selectUsersWhere("u.id IN (SELECT e.user_id FROM external_identities e"
                        + " WHERE e.provider = :provider AND e.subject = :subject)"))
                .bind("provider", identity.provider())
                .bind("subject", identity.subject()));
    }

    @Override
    public Mono<Boolean> isUsernameTaken(Username username) {
        return exists(databaseClient
                .sql("SELECT 1 FROM users WHERE lower(username) = :username")
                .bind("username", username.canonical()));
    }

    @Override
    public Mono<Boolean> isEmailTaken(EmailAddress email) {
        return exists(databaseClient
                .sql("SELECT 1 FROM users WHERE lower(email) = :email")
                .bind("email", email.value()));
    }

    @Override
    public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
        return databaseClient
                .sql("UPDATE users SET password_hash = :passwordHash, security_stamp = :stamp WHERE id = :id")
                .bind("passwordHash", newHash.encoded())
                .bind("stamp", newStamp.value())
                .bind("id", id.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
        return databaseClient
                .sql("UPDATE users SET security_stamp = :stamp WHERE id = :id")
                .bind("stamp", newStamp.value())
                .bind("id", id.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    // email confirmation
    /** The unique index on lower(email) decides a race with a sign-up or another confirmation for the address. */
    @Override
    public Mono<Boolean> confirmEmail(UserId id, EmailAddress address) {
        return databaseClient
                .sql("UPDATE users SET email = :email, email_confirmed = TRUE WHERE id = :id")
                .bind("email", address.value())
                .bind("id", id.value())
                .fetch()
                .rowsUpdated()
                .thenReturn(true)
                .onErrorResume(
                        DataIntegrityViolationException.class,
                        failure -> UniqueViolations.resultOf(failure)
                                .filter(AddUserResult.EmailTaken.class::isInstance)
                                .map(taken -> Mono.just(false))
                                .orElseGet(() -> Mono.error(failure)));
    }

    // account deletion
    /** Its external identities go by the foreign key's cascade; PostgreSQL's trigger tells every instance's cache. */
    @Override
    public Mono<Void> remove(UserId id) {
        return databaseClient
                .sql("DELETE FROM users WHERE id = :id")
                .bind("id", id.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * The matching users with their external identities, one row per identity (or one with none), in a
     * single round trip: every signed-in page view loads its user, so this is the hottest query there is.
     */
    private static String selectUsersWhere(String condition) {
        return "SELECT " + USER_COLUMNS + ", x.provider AS identity_provider, x.subject AS identity_subject"
                + " FROM users u LEFT JOIN external_identities x ON x.user_id = u.id"
                + " WHERE " + condition
                + " ORDER BY u.id, x.provider, x.subject";
    }

    private Mono<User> findOne(DatabaseClient.GenericExecuteSpec query) {
        return query.map(row -> {
                    UserRow user = readUser(row);
                    String provider = row.get("identity_provider", String.class);
                    return new UserWithIdentity(
                            user,
                            provider == null
                                    ? null
                                    : new ExternalIdentityRow(
                                            user.id(), provider, row.get("identity_subject", String.class)));
                })
                .all()
                .collectList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Mono.empty();
                    }
                    long users =
                            rows.stream().map(row -> row.user().id()).distinct().count();
                    if (users > 1) {
                        return Mono.error(new IncorrectResultSizeDataAccessException(1, (int) users));
                    }
                    List<ExternalIdentityRow> identities = rows.stream()
                            .map(UserWithIdentity::identity)
                            .filter(Objects::nonNull)
                            .toList();
                    return Mono.just(UserMapper.toDomain(rows.get(0).user(), identities));
                });
    }

    private record UserWithIdentity(UserRow user, ExternalIdentityRow identity) {}

    private static Mono<Boolean> exists(DatabaseClient.GenericExecuteSpec query) {
        return query.map(row -> Boolean.TRUE).first().hasElement();
    }

    private static UserRow readUser(Readable row) {
        return new UserRow(
                row.get("id", UUID.class),
                row.get("username", String.class),
                row.get("email", String.class),
                row.get("password_hash", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("registered_at", OffsetDateTime.class),
                row.get("security_stamp", String.class),
                Boolean.TRUE.equals(row.get("email_confirmed", Boolean.class)));
    }
}
