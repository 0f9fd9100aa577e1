package dev.vestibule.adapters.persistence.user;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.UserRepository;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/**
 * What one instance of the service holds for users, built as the application builds it: a cache, its
 * listener on a connection of its own, and the caching repository in front of the database's. The listener
 * shows in {@code pg_stat_activity} under {@link #listenerName()}, so that a test can terminate it.
 */
final class UserCacheInstance implements AutoCloseable {

    private final String listenerName;
    private final UserCache cache;
    private final PostgresUserChangeListener listener;
    private final CachingUserRepository users;

    private UserCacheInstance(
            String listenerName, UserCache cache, PostgresUserChangeListener listener, CachingUserRepository users) {
        this.listenerName = listenerName;
        this.cache = cache;
        this.listener = listener;
        this.users = users;
    }

    /** Listens on {@code database} directly; returns once the cache serves. */
    static UserCacheInstance start(PostgresTestDatabase database, UserRepository databaseUsers) {
        return startListeningThrough(database.host(), database.port(), database, databaseUsers);
    }

    /** Listens through {@code host:port} (a proxy in front of {@code database}); returns once the cache serves. */
    static UserCacheInstance startListeningThrough(
            String host, int port, PostgresTestDatabase database, UserRepository databaseUsers) {
        String listenerName =
                "vestibule-cache-it-" + UUID.randomUUID().toString().substring(0, 8);
        PostgresqlConnectionFactory connections =
                new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                        .host(host)
                        .port(port)
                        .database(database.databaseName())
                        .username(database.username())
                        .password(database.password())
                        .applicationName(listenerName)
                        .connectTimeout(Duration.ofSeconds(1))
                        .build());
        UserCache cache = new UserCache(UserCacheSettings.DEFAULT);
        PostgresUserChangeListener listener =
                new PostgresUserChangeListener(connections, cache, PostgresUserChangeListener.Timings.DEFAULT);
        UserCacheInstance instance =
                new UserCacheInstance(listenerName, cache, listener, new CachingUserRepository(databaseUsers, cache));
        listener.start();
        instance.await("the cache serves", cache::serving, Duration.ofSeconds(10));
        return instance;
    }

    String listenerName() {
        return listenerName;
    }

    UserCache cache() {
        return cache;
    }

    /** The user as this instance's repository answers now. */
    User find(UserId id) {
        return lookup(id).block(Duration.ofSeconds(10));
    }

    /** A lookup through this instance's repository, not yet subscribed. */
    Mono<User> lookup(UserId id) {
        return users.findById(id);
    }

    /** Looks the user up twice and insists the second answer came from the cache. */
    User findCached(UserId id) {
        find(id);
        long hits = cache.hits();
        User user = find(id);
        if (cache.hits() != hits + 1) {
            throw new AssertionError("the second lookup of " + id + " did not come from the cache");
        }
        return user;
    }

    /** How long it took, from {@code since} (System.nanoTime), until {@code condition} held; fails after {@code limit}. */
    Duration await(String what, BooleanSupplier condition, Duration limit) {
        return awaitSince(System.nanoTime(), what, condition, limit);
    }

    static Duration awaitSince(long since, String what, BooleanSupplier condition, Duration limit) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - since > limit.toNanos()) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            // A fifth of a millisecond: fine enough to measure, coarse enough to leave the cores to the listener.
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    @Override
    public void close() {
        listener.close();
    }
}
