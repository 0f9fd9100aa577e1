package dev.vestibule.bootstrap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb + pg_ctl from the installed PostgreSQL, a free port, a
 * temp data directory, trust authentication on 127.0.0.1) that a test may stop at once and start again
 * on the same port: a database outage without touching the machine's shared PostgreSQL. initdb refuses
 * to run as root, so as root the server runs as the {@code postgres} OS user. Cleaned up by
 * {@link #close()} and, should the test JVM die first, by a shutdown hook. When it cannot start, it fails
 * with the reason; it never skips.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final String DATABASE = "vestibule";
    private static final String SERVER_USER = "postgres";

    private final int port = PrivateProcesses.freePort();
    private final Path binaries;
    private final Path directory;
    private final Path data;
    private final Path log;
    private final Path commands;
    private final boolean asRoot = "root".equals(System.getProperty("user.name"));
    private final Thread cleanup = new Thread(this::close, "private-postgres-cleanup");
    private boolean running;

    private PrivatePostgres() {
        binaries = installedBinaries();
        try {
            directory = Files.createTempDirectory("vestibule-pg-");
        } catch (IOException failure) {
            throw new IllegalStateException("cannot create a temp directory for a private PostgreSQL", failure);
        }
        data = directory.resolve("data");
        log = directory.resolve("postgres.log");
        commands = directory.resolve("commands.log");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public static PrivatePostgres start() {
        PrivatePostgres postgres = new PrivatePostgres();
        try {
            postgres.initialize();
            postgres.startAgain();
            postgres.createDatabase();
            return postgres;
        } catch (RuntimeException failure) {
            postgres.close();
            throw failure;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The properties that point an instance at this server. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        properties.put("spring.r2dbc.username", SERVER_USER);
        properties.put("spring.r2dbc.password", "");
        properties.put("spring.flyway.url", jdbcUrl());
        properties.put("spring.flyway.user", SERVER_USER);
        properties.put("spring.flyway.password", "");
        return properties;
    }

    /** A single number from the database, e.g. a count. */
    public long queryForLong(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SERVER_USER, "");
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

    /** Starts the server (again) on the same port, with the same data. */
    public synchronized void startAgain() {
        running = true; // from here on, close() must try to stop it
        runServerCommand(command(
                binaries.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                log.toString(),
                "-w",
                "-t",
                "30",
                "-o",
                // fsync=off only skips flushing to the disk, which a process crash (what the tests cause)
                // does not need; synchronous_commit must stay on, or an immediate stop loses the last commits.
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off",
                "start"));
        PrivateProcesses.awaitPort(port, true, Duration.ofSeconds(20), "private PostgreSQL");
    }

    /** Stops the server the hard way (no checkpoint, connections cut), as a crash or a lost host would. */
    public synchronized void stopImmediately() {
        PrivateProcesses.run(
                commands,
                command(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        running = false;
        PrivateProcesses.awaitPort(port, false, Duration.ofSeconds(10), "private PostgreSQL");
    }

    @Override
    public synchronized void close() {
        try {
            if (running) {
                stopImmediately();
            }
        } catch (RuntimeException failure) {
            System.err.println("private PostgreSQL did not stop: " + failure.getMessage());
        } finally {
            PrivateProcesses.deleteRecursively(directory);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Called from the hook itself.
            }
        }
    }

    /** pg_ctl's own output says little; the server log says why it did not start. */
    private void runServerCommand(List<String> command) {
        try {
            PrivateProcesses.run(commands, command);
        } catch (IllegalStateException failure) {
            throw new IllegalStateException(
                    failure.getMessage() + "\nserver log:\n" + PrivateProcesses.tail(log), failure);
        }
    }

    private void initialize() {
        if (asRoot) {
            PrivateProcesses.run(commands, List.of("chown", SERVER_USER + ":", directory.toString()));
        }
        PrivateProcesses.run(
                commands,
                command(
                        binaries.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        SERVER_USER,
                        "-A",
                        "trust",
                        "-E",
                        "UTF8",
                        "--no-sync",
                        "--no-instructions"));
    }

    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", SERVER_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException failure) {
            throw new IllegalStateException("private PostgreSQL started but refused CREATE DATABASE", failure);
        }
    }

    /** As root, the server's commands run as the postgres OS user (initdb and postgres refuse root). */
    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private static Path installedBinaries() {
        Path installations = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installations)) {
            try (Stream<Path> versions = Files.list(installations)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin ->
                                Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .max(Comparator.comparing(bin -> versionOf(bin.getParent())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException unreadable) {
                // Fall through to the explanation.
            }
        }
        throw new IllegalStateException("""
                The outage tests start a private PostgreSQL server and found none to start: no \
                /usr/lib/postgresql/<version>/bin with initdb and pg_ctl. Install the PostgreSQL server \
                (Debian: apt-get install postgresql).""");
    }

    private static int versionOf(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
