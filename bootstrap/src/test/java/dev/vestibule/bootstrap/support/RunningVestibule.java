package dev.vestibule.bootstrap.support;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.VestibuleApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real instance of the packaged application, on a random port, against real PostgreSQL and Redis:
 * what a browser behind a load balancer talks to. Instances started from here share one database and
 * one Redis namespace, as the instances of one deployment do.
 */
public final class RunningVestibule implements AutoCloseable {

    private static RunningVestibule shared;

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final String managementUrl;

    private RunningVestibule(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
        // Boot publishes the management server's port, chosen at random like the public one, under this name.
        this.managementUrl =
                "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.management.port");
    }

    /** The instance most tests share; it lives as long as the test JVM. */
    public static synchronized RunningVestibule shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "vestibule-test-instance-stop"));
        }
        return shared;
    }

    /**
     * Another instance of the same deployment; the caller closes it.
     *
     * @param overrides {@code --key=value} arguments that replace the test defaults (a repeated key would
     *                  otherwise reach Spring as a comma-joined list)
     */
    public static RunningVestibule start(String... overrides) {
        Map<String, String> effective = settings();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            effective.put(override.substring(2, equals), override.substring(equals + 1));
        }
        List<String> arguments = new ArrayList<>();
        effective.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        SpringApplication application = new SpringApplication(VestibuleApplication.class);
        return new RunningVestibule(application.run(arguments.toArray(String[]::new)));
    }

    /** The key the instances started here sign the CSRF token with (vestibule.cookie-signing.key). */
    public static final String COOKIE_SIGNING_KEY = "integration-tests-cookie-signing-key-0123456789";

    /** The key the instances started here encrypt authenticator-app secrets with (issue 14). */
    public static final String TWO_FACTOR_ENCRYPTION_KEY = "integration-tests-two-factor-encryption-key-0123456789";

    private static Map<String, String> settings() {
        PostgresTestDatabase database = PostgresTestDatabase.shared();
        RedisTestServer redis = RedisTestServer.shared();
        Map<String, String> settings = new LinkedHashMap<>();
        // The production profiles (pool and Redis timeouts, readiness members, session store), pointed at
        // the test servers.
        settings.put("spring.profiles.active", "postgres,redis");
        settings.putAll(database.springProperties());
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("vestibule.session.redis-namespace", redis.sessionNamespace());
        settings.put("spring.data.redis.host", redis.host());
        settings.put("spring.data.redis.port", String.valueOf(redis.port()));
        // The sessions gauge recounts often enough for a test to see its own session arrive.
        settings.put("vestibule.session.active-count-every", "1s");
        // Short enough that a test can wait it out; the default (30 s) is covered by the unit tests.
        settings.put("vestibule.remember-me.rotation-grace-period", "1s");
        // No load balancer watches these instances: stop at once (ShutdownDrainTests covers the drain).
        settings.put("vestibule.shutdown.drain-delay", "0s");
        settings.put("vestibule.throttling.redis-key-prefix", redis.namespace() + ":throttle");
        // Every journey comes from 127.0.0.1 and signs up its own users: the shared instance must not
        // throttle them. Throttling has its own suite, with its own instances and the default limits.
        settings.put("vestibule.throttling.per-client-address.capacity", "1000000");
        settings.put("vestibule.throttling.per-client-address.refill-every", "1ms");
        settings.put("vestibule.throttling.registrations-per-client-address.capacity", "1000000");
        settings.put("vestibule.throttling.registrations-per-client-address.refill-every", "1ms");
        // Password reset: the same for reset requests (the per-account limit stays the default).
        settings.put("vestibule.throttling.password-resets-per-client-address.capacity", "1000000");
        settings.put("vestibule.throttling.password-resets-per-client-address.refill-every", "1ms");
        // issue 13 finding 4: nor may the suite's own failed logins (timing samples, throttling journeys) add up to a
        // surge that slows every later login; LoginSurgeIT has instances of its own with a small rate.
        settings.put("vestibule.throttling.failures-everywhere.capacity", "1000000");
        settings.put("vestibule.throttling.failures-everywhere.refill-every", "1ms");
        // issue 13 finding 6: required with Redis; every instance of a test JVM signs with the same key.
        settings.put("vestibule.cookie-signing.key", COOKIE_SIGNING_KEY);
        // issue 14: twofactor. Required with PostgreSQL; the same for every instance of a test JVM.
        settings.put("vestibule.two-factor.encryption-key", TWO_FACTOR_ENCRYPTION_KEY);
        return settings;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The management (actuator) server: health probes and Prometheus metrics, never on the public port. */
    public String managementUrl() {
        return managementUrl;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Runs SQL against the deployment's database, as an administrator would (e.g. deactivating a user). */
    public static int executeSql(String sql, Object... parameters) {
        PostgresTestDatabase database = PostgresTestDatabase.shared();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A single number from the database, e.g. a count. */
    public static long queryForLong(String sql, Object... parameters) {
        PostgresTestDatabase database = PostgresTestDatabase.shared();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A single text from the database, e.g. a user's id; empty-handed queries fail. */
    public static String queryForString(String sql, Object... parameters) {
        PostgresTestDatabase database = PostgresTestDatabase.shared();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return result.getString(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
