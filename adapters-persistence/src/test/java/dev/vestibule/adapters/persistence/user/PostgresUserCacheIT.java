package dev.vestibule.adapters.persistence.user;

import static dev.vestibule.adapters.persistence.user.UserCacheInstance.awaitSince;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The user cache against a real PostgreSQL: changes made in SQL, as an administrator makes them, reach every
 * instance's cache through the triggers and the listener within a second; when the listener cannot vouch
 * for the cache, the cache answers nothing. Each test starts its own instances and makes its own users,
 * before its instances start unless the test is about a change, so no other test's change reaches them.
 * Figures go to the test output under "[user cache]".
 */
@Timeout(120)
class PostgresUserCacheIT {

    /** The bound: a change made in the database is served by every instance within a second. */
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> FIGURES = new ArrayList<>();

    private static PostgresTestDatabase database;
    private static ConnectionPool pool;
    private static UserRepository databaseUsers;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void migratedDatabase() {
        database = PostgresTestDatabase.shared();
        migrate(database);
        pool = poolFor(database);
        databaseUsers = repositoryOn(pool);
    }

    @AfterAll
    static void report() {
        pool.dispose();
        System.out.println("[user cache]\n  " + String.join("\n  ", FIGURES));
    }

    @AfterEach
    void closeInstances() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aUserDeactivatedInSqlIsServedDeactivatedWithinASecond() {
        User user = added(passwordUser());
        UserCacheInstance instance = started();
        assertThat(instance.findCached(user.id()).isActive()).isTrue();

        sql("UPDATE users SET active = false WHERE id = ?", user.id().value());
        long committed = System.nanoTime();

        Duration seen = awaitSince(
                committed,
                "the deactivation served",
                () -> !instance.find(user.id()).isActive(),
                WITHIN);
        figure("UPDATE users SET active = false: served after %.1f ms", seen);
    }

    @Test
    void anExternalIdentityAddedOrRemovedInSqlIsServedWithinASecond() {
        ExternalIdentity github = new ExternalIdentity("github", randomName());
        User user = added(User.registerWithExternalIdentity(username(), email(), github, REGISTERED_AT));
        UserCacheInstance instance = started();
        instance.findCached(user.id());
        String gitlabSubject = randomName();

        sql(
                "INSERT INTO external_identities (provider, subject, user_id) VALUES ('gitlab', ?, ?)",
                gitlabSubject,
                user.id().value());
        long inserted = System.nanoTime();
        Duration seenInsert = awaitSince(
                inserted,
                "the new identity served",
                () -> instance.find(user.id()).externalIdentities().size() == 2,
                WITHIN);

        instance.findCached(user.id());
        sql("DELETE FROM external_identities WHERE provider = 'github' AND subject = ?", github.subject());
        long deleted = System.nanoTime();
        Duration seenDelete = awaitSince(
                deleted,
                "the removed identity gone",
                () -> instance.find(user.id())
                        .externalIdentities()
                        .equals(List.of(new ExternalIdentity("gitlab", gitlabSubject))),
                WITHIN);

        figure("INSERT INTO external_identities: served after %.1f ms", seenInsert);
        figure("DELETE FROM external_identities: served after %.1f ms", seenDelete);
    }

    @Test
    void anIdentityMovedToAnotherUserChangesBothUsers() {
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        User from = added(User.registerWithExternalIdentity(username(), email(), identity, REGISTERED_AT)
                .withPasswordHash(new PasswordHash("{test}keeps a way to sign in")));
        User to = added(passwordUser());
        UserCacheInstance instance = started();
        instance.findCached(from.id());
        instance.findCached(to.id());

        sql(
                "UPDATE external_identities SET user_id = ? WHERE provider = ? AND subject = ?",
                to.id().value(),
                identity.provider(),
                identity.subject());
        long moved = System.nanoTime();

        awaitSince(
                moved,
                "the identity gone from its old user",
                () -> instance.find(from.id()).externalIdentities().isEmpty(),
                WITHIN);
        awaitSince(
                moved,
                "the identity shown on its new user",
                () -> instance.find(to.id()).externalIdentities().equals(List.of(identity)),
                WITHIN);
    }

    @Test
    void twoInstancesOnOneDatabaseBothServeTheChangeWithinASecond() {
        User user = added(passwordUser());
        UserCacheInstance first = started();
        UserCacheInstance second = started();
        first.findCached(user.id());
        second.findCached(user.id());
        String renamed = randomName();

        sql("UPDATE users SET username = ? WHERE id = ?", renamed, user.id().value());
        long committed = System.nanoTime();

        Duration seenByFirst = awaitSince(
                committed,
                "the new name on the first instance",
                () -> first.find(user.id()).username().value().equals(renamed),
                WITHIN);
        Duration seenBySecond = awaitSince(
                committed,
                "the new name on the second instance",
                () -> second.find(user.id()).username().value().equals(renamed),
                WITHIN);
        figure("UPDATE users SET username, two instances: served after %.1f ms and %.1f ms", seenByFirst, seenBySecond);
    }

    @Test
    void aPasswordResetInSqlRenewsTheStampAndBothInstancesServeItWithinASecond() {
        User user = added(passwordUser());
        UserCacheInstance first = started();
        UserCacheInstance second = started();
        SecurityStamp before = first.findCached(user.id()).securityStamp();
        second.findCached(user.id());

        sql(
                "UPDATE users SET password_hash = ? WHERE id = ?",
                "{test}reset-by-operator",
                user.id().value());
        long committed = System.nanoTime();

        Duration seenByFirst = awaitSince(
                committed,
                "the renewed stamp on the first instance",
                () -> !first.find(user.id()).securityStamp().equals(before),
                WITHIN);
        Duration seenBySecond = awaitSince(
                committed,
                "the renewed stamp on the second instance",
                () -> !second.find(user.id()).securityStamp().equals(before),
                WITHIN);
        figure(
                "UPDATE users SET password_hash (trigger renews the stamp), two instances: served after %.1f ms and %.1f ms",
                seenByFirst, seenBySecond);
    }

    @Test
    void disablingAndEnablingInSqlEachRenewTheStamp() {
        User user = added(passwordUser());

        sql("UPDATE users SET active = false WHERE id = ?", user.id().value());
        SecurityStamp disabled = databaseUsers.findById(user.id()).block().securityStamp();
        sql("UPDATE users SET active = true WHERE id = ?", user.id().value());
        SecurityStamp enabled = databaseUsers.findById(user.id()).block().securityStamp();

        assertThat(disabled).isNotEqualTo(user.securityStamp());
        assertThat(enabled)
                .as("enabling again revives no sign-in of before")
                .isNotEqualTo(disabled)
                .isNotEqualTo(user.securityStamp());
    }

    @Test
    void theTriggerLeavesTheStampAloneForOtherChangesAndKeepsAStampTheUpdateSets() {
        User user = added(passwordUser());

        sql(
                "UPDATE users SET username = ? WHERE id = ?",
                randomName(),
                user.id().value());
        assertThat(databaseUsers.findById(user.id()).block().securityStamp()).isEqualTo(user.securityStamp());
        sql("UPDATE users SET active = true WHERE id = ?", user.id().value());
        assertThat(databaseUsers.findById(user.id()).block().securityStamp())
                .as("active unchanged")
                .isEqualTo(user.securityStamp());

        SecurityStamp chosen = SecurityStamp.random();
        StepVerifier.create(databaseUsers.changePasswordHash(user.id(), new PasswordHash("{test}new"), chosen))
                .verifyComplete();
        assertThat(databaseUsers.findById(user.id()).block().securityStamp())
                .as("the service's own stamp, which it handed to the browser it keeps")
                .isEqualTo(chosen);
    }

    @Test
    void aTerminatedListenerTurnsTheCacheOffAtOnceAndItResumesByItself() {
        User user = added(passwordUser());
        UserCacheInstance instance = started();
        instance.findCached(user.id());

        assertThat(terminateBackendsNamed(instance.listenerName())).isEqualTo(1);
        long terminated = System.nanoTime();
        Duration off =
                awaitSince(terminated, "the cache off", () -> !instance.cache().serving(), WITHIN);

        // Changed while the listener reconnects: nobody hears it, so nothing cached may be served.
        String renamed = randomName();
        sql("UPDATE users SET username = ? WHERE id = ?", renamed, user.id().value());
        assertThat(instance.find(user.id()).username().value())
                .as("served at once, no waiting")
                .isEqualTo(renamed);

        Duration back =
                awaitSince(terminated, "the cache serving again", instance.cache()::serving, Duration.ofSeconds(5));
        assertThat(instance.findCached(user.id()).username().value()).isEqualTo(renamed);
        figure("pg_terminate_backend(listener): cache off after %.1f ms, serving again after %.1f ms", off, back);
    }

    @Test
    void aNotificationDuringALoadKeepsTheLoadedUserOutOfTheCache() {
        User user = added(passwordUser());
        HeldLookups held = new HeldLookups(databaseUsers);
        UserCacheInstance instance = started(held);
        Sinks.Empty<Void> release = Sinks.empty();
        held.holdAnswersUntil(release.asMono());

        CompletableFuture<User> racingLoad = instance.lookup(user.id()).toFuture();
        instance.await("the racing load has read the user", () -> held.answersRead() == 1, Duration.ofSeconds(5));
        sql("UPDATE users SET active = false WHERE id = ?", user.id().value());
        instance.await(
                "the change heard while the load is held",
                () -> instance.cache().evictions() == 1,
                WITHIN);
        release.tryEmitEmpty();

        assertThat(racingLoad.join().isActive())
                .as("what the load read, before the change")
                .isTrue();
        held.holdAnswersUntil(Mono.empty());
        long hits = instance.cache().hits();
        assertThat(instance.find(user.id()).isActive())
                .as("at once: the racing load's user was not kept")
                .isFalse();
        assertThat(instance.cache().hits()).isEqualTo(hits);
    }

    @Test
    void aSilentListenerConnectionTurnsTheCacheOffWithinASecondThenItResumes() {
        User user = added(passwordUser());
        FreezableTcpProxy proxy = closing(FreezableTcpProxy.to(database.host(), database.port()));
        UserCacheInstance instance =
                closing(UserCacheInstance.startListeningThrough(proxy.host(), proxy.port(), database, databaseUsers));
        instance.findCached(user.id());

        proxy.freeze();
        long frozen = System.nanoTime();
        // The last answered heartbeat vouches for at most heartbeatEvery + answerWithin (1 s); some slack for timers.
        Duration off =
                awaitSince(frozen, "the cache off", () -> !instance.cache().serving(), Duration.ofMillis(1_500));

        sql("UPDATE users SET active = false WHERE id = ?", user.id().value());
        assertThat(instance.find(user.id()).isActive())
                .as("from the database, at once")
                .isFalse();

        proxy.thaw();
        long thawed = System.nanoTime();
        Duration back =
                awaitSince(thawed, "the cache serving again", instance.cache()::serving, Duration.ofSeconds(10));
        assertThat(instance.findCached(user.id()).isActive()).isFalse();
        figure(
                "listener connection silent: cache off after %.1f ms; after the thaw, serving again after %.1f ms",
                off, back);
    }

    @Test
    void aNotificationNamingNoUserForgetsEveryUser() {
        User first = added(passwordUser());
        User second = added(passwordUser());
        UserCacheInstance instance = started();
        instance.findCached(first.id());
        instance.findCached(second.id());

        sql("SELECT pg_notify(?, ?)", PostgresUserChangeListener.CHANNEL, PostgresUserChangeListener.EVERYONE);

        instance.await(
                "every user forgotten", () -> notFromCache(instance, first) && notFromCache(instance, second), WITHIN);
    }

    @Test
    void truncatingTheUsersForgetsEveryUser() {
        // A database of its own: TRUNCATE would take every other test's users with it.
        PostgresTestDatabase own = closing(PostgresTestDatabase.create());
        migrate(own);
        ConnectionPool ownPool = poolFor(own);
        closing(ownPool::dispose);
        UserRepository ownUsers = repositoryOn(ownPool);
        User user = passwordUser();
        assertThat(ownUsers.add(user).block(Duration.ofSeconds(10))).isEqualTo(new AddUserResult.Added(user));
        UserCacheInstance instance = closing(UserCacheInstance.start(own, ownUsers));
        instance.findCached(user.id());

        sql(own, "TRUNCATE users CASCADE");

        instance.await("the truncated user gone", () -> instance.find(user.id()) == null, WITHIN);
    }

    private UserCacheInstance started() {
        return started(databaseUsers);
    }

    private UserCacheInstance started(UserRepository users) {
        return closing(UserCacheInstance.start(database, users));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static boolean notFromCache(UserCacheInstance instance, User user) {
        long hits = instance.cache().hits();
        instance.find(user.id());
        return instance.cache().hits() == hits;
    }

    private static User added(User user) {
        assertThat(databaseUsers.add(user).block(Duration.ofSeconds(10))).isEqualTo(new AddUserResult.Added(user));
        return user;
    }

    private static User passwordUser() {
        return User.registerWithPassword(username(), email(), new PasswordHash("{test}" + randomName()), REGISTERED_AT);
    }

    private static Username username() {
        return new Username("c" + randomName().substring(0, 20));
    }

    private static EmailAddress email() {
        return new EmailAddress(randomName() + "@example.com");
    }

    private static String randomName() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void figure(String format, Duration... durations) {
        Object[] millis = java.util.Arrays.stream(durations)
                .map(duration -> duration.toNanos() / 1e6)
                .toArray();
        FIGURES.add(format.formatted(millis));
    }

    private static long terminateBackendsNamed(String applicationName) {
        try (Connection connection = jdbc(database);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, applicationName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** As an administrator would, on a plain connection of its own, committed when this returns. */
    private static void sql(String sql, Object... parameters) {
        sql(database, sql, parameters);
    }

    private static void sql(PostgresTestDatabase on, String sql, Object... parameters) {
        try (Connection connection = jdbc(on);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Connection jdbc(PostgresTestDatabase on) throws SQLException {
        return DriverManager.getConnection(on.jdbcUrl(), on.username(), on.password());
    }

    private static void migrate(PostgresTestDatabase on) {
        Flyway.configure()
                .dataSource(on.jdbcUrl(), on.username(), on.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    private static ConnectionPool poolFor(PostgresTestDatabase on) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(
                        new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                                .host(on.host())
                                .port(on.port())
                                .database(on.databaseName())
                                .username(on.username())
                                .password(on.password())
                                .build()))
                .maxSize(4)
                .build());
    }

    private static UserRepository repositoryOn(ConnectionPool connections) {
        return new R2dbcUserRepository(
                DatabaseClient.create(connections),
                TransactionalOperator.create(new R2dbcTransactionManager(connections)));
    }

    /** The database's repository, with each lookup by id held after it read the row, until the test lets it answer. */
    private static final class HeldLookups extends ForwardingUserRepository {

        private final AtomicInteger answersRead = new AtomicInteger();
        private volatile Mono<Void> answerAfter = Mono.empty();

        HeldLookups(UserRepository delegate) {
            super(delegate);
        }

        void holdAnswersUntil(Mono<Void> signal) {
            answerAfter = signal;
        }

        int answersRead() {
            return answersRead.get();
        }

        @Override
        public Mono<User> findById(UserId id) {
            return Mono.defer(() -> {
                Mono<Void> gate = answerAfter;
                return delegate.findById(id)
                        .doOnNext(read -> answersRead.incrementAndGet())
                        .flatMap(read -> gate.timeout(Duration.ofSeconds(30)).thenReturn(read));
            });
        }
    }
}
