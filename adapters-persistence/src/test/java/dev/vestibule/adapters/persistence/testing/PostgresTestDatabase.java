package dev.vestibule.adapters.persistence.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A fresh, empty PostgreSQL database for tests: in a Testcontainers container when Docker is available,
 * otherwise a new database created on the server named by the {@code VESTIBULE_TEST_POSTGRES_*}
 * environment variables; when neither is possible it fails, saying how to provide one, and never skips.
 *
 * <p>Typical use in a Spring Boot test, one database for the whole test JVM:
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     PostgresTestDatabase.shared().registerSpringProperties(registry);
 * }
 * }</pre>
 * The schema is not created here: the application's own Flyway migration does that, which is part of
 * what the tests prove.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    /** Host of the PostgreSQL server used when Docker is unavailable; default {@value #DEFAULT_HOST}. */
    public static final String HOST_VARIABLE = "VESTIBULE_TEST_POSTGRES_HOST";
    /** Port of that server; default {@value #DEFAULT_PORT}. */
    public static final String PORT_VARIABLE = "VESTIBULE_TEST_POSTGRES_PORT";
    /** A user of that server allowed to create databases; default {@value #DEFAULT_USER}. */
    public static final String USER_VARIABLE = "VESTIBULE_TEST_POSTGRES_USER";
    /** That user's password; default empty (trust authentication). */
    public static final String PASSWORD_VARIABLE = "VESTIBULE_TEST_POSTGRES_PASSWORD";
    /** The image Testcontainers starts when Docker is available. */
    public static final String IMAGE = "postgres:17-alpine";

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 5432;
    private static final String DEFAULT_USER = "postgres";
    private static final String DATABASE_PREFIX = "vestibule_it_";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private static PostgresTestDatabase shared;
    private static RuntimeException sharedFailure;

    private final String host;
    private final int port;
    private final String databaseName;
    private final String username;
    private final String password;
    private final Runnable release;
    private boolean closed;

    private PostgresTestDatabase(
            String host, int port, String databaseName, String username, String password, Runnable release) {
        this.host = host;
        this.port = port;
        this.databaseName = databaseName;
        this.username = username;
        this.password = password;
        this.release = release;
    }

    /**
     * The database of this test JVM, started on first use and dropped (or its container stopped) when
     * the JVM exits; every caller in the JVM gets the same one, so tests must not depend on it being empty.
     *
     * @throws IllegalStateException when neither Docker nor the configured server is available
     */
    public static synchronized PostgresTestDatabase shared() {
        if (sharedFailure != null) {
            // Every later test class gets the same explanation, not a bare NoClassDefFoundError.
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = create();
            } catch (RuntimeException failure) {
                sharedFailure = failure;
                throw failure;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-test-database-release"));
        }
        return shared;
    }

    /**
     * A database of its own for the caller, who must {@link #close()} it; prefer {@link #shared()} unless
     * a test needs isolation from every other test in the JVM.
     *
     * @throws IllegalStateException when neither Docker nor the configured server is available
     */
    public static PostgresTestDatabase create() {
        // A server named explicitly wins over Docker: whoever set the variable meant that server.
        if (System.getenv(HOST_VARIABLE) == null
                && DockerClientFactory.instance().isDockerAvailable()) {
            return inContainer();
        }
        return onConfiguredServer();
    }

    /** The R2DBC URL, e.g. {@code r2dbc:postgresql://127.0.0.1:5432/vestibule_it_0a1b2c3d4e5f}. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    /** The JDBC URL of the same database, e.g. for Flyway. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String databaseName() {
        return databaseName;
    }

    public String username() {
        return username;
    }

    /** The password, empty when the server trusts the user. */
    public String password() {
        return password;
    }

    /**
     * The Spring Boot properties that point R2DBC and Flyway at this database: {@code spring.r2dbc.url},
     * {@code spring.r2dbc.username}, {@code spring.r2dbc.password}, {@code spring.flyway.url},
     * {@code spring.flyway.user} and {@code spring.flyway.password}. Flyway's locations are the
     * application's business and are not included.
     */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", r2dbcUrl());
        properties.put("spring.r2dbc.username", username);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.flyway.url", jdbcUrl());
        properties.put("spring.flyway.user", username);
        properties.put("spring.flyway.password", password);
        return properties;
    }

    /** Adds {@link #springProperties()} to a test's {@code @DynamicPropertySource} registry. */
    public void registerSpringProperties(DynamicPropertyRegistry registry) {
        springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Drops the database or stops the container; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + jdbcUrl() + ", user " + username + "]";
    }

    private static PostgresTestDatabase inContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE));
        try {
            container.start();
        } catch (RuntimeException failure) {
            throw new IllegalStateException(
                    "Docker is available, but the PostgreSQL test container (" + IMAGE + ") did not start: "
                            + failure.getMessage(),
                    failure);
        }
        return new PostgresTestDatabase(
                container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getDatabaseName(),
                container.getUsername(),
                container.getPassword(),
                container::stop);
    }

    private static PostgresTestDatabase onConfiguredServer() {
        String host = setting(HOST_VARIABLE, DEFAULT_HOST);
        String portText = setting(PORT_VARIABLE, String.valueOf(DEFAULT_PORT));
        String user = setting(USER_VARIABLE, DEFAULT_USER);
        String password = setting(PASSWORD_VARIABLE, "");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException notANumber) {
            throw new IllegalStateException(PORT_VARIABLE + " must be a port number, not '" + portText + "'");
        }
        String maintenanceUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        // Random, so that concurrent builds on one server (several engineers, CI jobs) never share a database.
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        String databaseName = DATABASE_PREFIX + HexFormat.of().formatHex(suffix);
        try (Connection connection = connect(maintenanceUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName);
        } catch (SQLException failure) {
            throw new IllegalStateException(unavailableMessage(maintenanceUrl, user, failure), failure);
        }
        return new PostgresTestDatabase(
                host, port, databaseName, user, password, () -> drop(maintenanceUrl, user, password, databaseName));
    }

    private static void drop(String maintenanceUrl, String user, String password, String databaseName) {
        try (Connection connection = connect(maintenanceUrl, user, password);
                Statement statement = connection.createStatement()) {
            // Connection pools of still-open application contexts may hold sessions at JVM exit.
            if (connection.getMetaData().getDatabaseMajorVersion() >= 13) {
                statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            } else {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + databaseName + "'");
                statement.execute("DROP DATABASE IF EXISTS " + databaseName);
            }
        } catch (SQLException failure) {
            // Too late to fail a test; say what is left behind so that someone can remove it.
            System.err.println("Could not drop test database " + databaseName + " at " + maintenanceUrl + ": "
                    + failure.getMessage());
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    private static String unavailableMessage(String maintenanceUrl, String user, SQLException failure) {
        return "No PostgreSQL for the tests. Docker is not available to Testcontainers, and the server at "
                + maintenanceUrl + " did not let user '" + user + "' create a database: " + failure.getMessage()
                + System.lineSeparator()
                + "Provide one of:" + System.lineSeparator()
                + "  1. a running Docker daemon (Testcontainers then starts " + IMAGE + "), or" + System.lineSeparator()
                + "  2. a PostgreSQL server where that user may CREATE DATABASE, named by the environment variables "
                + HOST_VARIABLE + " (default " + DEFAULT_HOST + "), " + PORT_VARIABLE + " (default " + DEFAULT_PORT
                + "), " + USER_VARIABLE + " (default " + DEFAULT_USER + ") and " + PASSWORD_VARIABLE
                + " (default empty). Each test run creates a database " + DATABASE_PREFIX
                + "<random> there and drops it at exit.";
    }

    private static String setting(String variable, String defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
