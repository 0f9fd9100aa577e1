package dev.vestibule.bootstrap.cluster;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.mail.SmtpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The local cluster of README's Operations section, started with {@code deploy/local/cluster} exactly as a
 * person would: instances of the packaged jar that {@code verify} just built, behind HAProxy with TLS, on a
 * fresh database and a Redis namespace of this test JVM, on ports the OS picked. One cluster serves every
 * test class of the JVM; it is stopped at exit whatever happens (a test that kills or restarts an instance
 * brings it back before it ends).
 */
final class LocalCluster {

    static final int INSTANCES = 3;
    private static final List<String> REQUIRED_COMMANDS =
            List.of("haproxy", "openssl", "curl", "psql", "pg_isready", "redis-cli", "java");

    private static LocalCluster shared;
    private static RuntimeException sharedFailure;

    private final Path script;
    private final Path runDirectory;
    private final Map<String, String> environment;
    private final int httpsPort;
    private final PostgresTestDatabase database;
    private final SmtpServer smtp;

    private LocalCluster(
            Path script,
            Path runDirectory,
            Map<String, String> environment,
            int httpsPort,
            PostgresTestDatabase database,
            SmtpServer smtp) {
        this.script = script;
        this.runDirectory = runDirectory;
        this.environment = environment;
        this.httpsPort = httpsPort;
        this.database = database;
        this.smtp = smtp;
    }

    static synchronized LocalCluster shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException(sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException failure) {
                sharedFailure = failure;
                throw failure;
            }
        }
        return shared;
    }

    private static LocalCluster start() {
        requireCommands();
        Path script = Path.of(System.getProperty("vestibule.cluster.script", "../deploy/local/cluster"))
                .toAbsolutePath()
                .normalize();
        Path jar = Path.of(System.getProperty("vestibule.cluster.jar", "target/vestibule.jar"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "The cluster runs the packaged application, and " + jar
                            + " does not exist: run the integration tests through Maven (./mvnw verify), which packages it first.");
        }
        List<Integer> ports = freePorts(2 + 2 * INSTANCES);
        Path runDirectory;
        try {
            // Under target/ when Maven runs the tests: the logs stay there to read after a failure, until mvn clean.
            Path parent = Path.of(System.getProperty("vestibule.cluster.work", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            runDirectory = Files.createTempDirectory(parent, "local-cluster-");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        PostgresTestDatabase database = PostgresTestDatabase.create();
        RedisTestServer redis = RedisTestServer.shared();
        // The cluster's mail server (its database is its own, so only its instances deliver its outbox).
        SmtpServer smtp = SmtpServer.start();
        Map<String, String> environment = Map.ofEntries(
                Map.entry("VESTIBULE_CLUSTER_DIR", runDirectory.toString()),
                Map.entry("VESTIBULE_CLUSTER_JAR", jar.toString()),
                Map.entry("VESTIBULE_CLUSTER_HTTPS_PORT", ports.get(0).toString()),
                Map.entry("VESTIBULE_CLUSTER_STATS_PORT", ports.get(1).toString()),
                Map.entry("VESTIBULE_CLUSTER_APP_PORTS", join(ports.subList(2, 2 + INSTANCES))),
                Map.entry("VESTIBULE_CLUSTER_MANAGEMENT_PORTS", join(ports.subList(2 + INSTANCES, 2 + 2 * INSTANCES))),
                Map.entry("VESTIBULE_DB_HOST", database.host()),
                Map.entry("VESTIBULE_DB_PORT", String.valueOf(database.port())),
                Map.entry("VESTIBULE_DB_NAME", database.databaseName()),
                Map.entry("VESTIBULE_DB_USER", database.username()),
                Map.entry("VESTIBULE_DB_PASSWORD", database.password()),
                Map.entry("VESTIBULE_REDIS_HOST", redis.host()),
                Map.entry("VESTIBULE_REDIS_PORT", String.valueOf(redis.port())),
                // Every journey comes from this machine and signs up users of its own: the cluster must not
                // throttle them (throttling has its own suite, with the default limits).
                Map.entry(
                        "VESTIBULE_CLUSTER_APP_ARGS",
                        String.join(
                                " ",
                                "--vestibule.session.redis-namespace=" + redis.namespace() + ":session",
                                "--vestibule.throttling.redis-key-prefix=" + redis.namespace() + ":throttle",
                                "--vestibule.throttling.per-client-address.capacity=1000000",
                                "--vestibule.throttling.registrations-per-client-address.capacity=1000000",
                                // Password reset: links point at HAProxy, mail goes to the cluster's SMTP server.
                                "--vestibule.throttling.password-resets-per-client-address.capacity=1000000",
                                "--vestibule.public-url=https://localhost:" + ports.get(0),
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=" + smtp.port(),
                                "--vestibule.mail.delivery-interval=500ms",
                                // Three instances starting at once on a loaded 2-core machine: the production 1 s
                                // let Redis connection set-up time out at start (issue 13 finding 1's runs).
                                "--spring.data.redis.timeout=5s",
                                "--spring.data.redis.connect-timeout=5s")));
        LocalCluster cluster = new LocalCluster(script, runDirectory, environment, ports.get(0), database, smtp);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "local-cluster-stop"));
        try {
            cluster.run("start", String.valueOf(INSTANCES));
        } catch (RuntimeException failure) {
            cluster.stop();
            throw failure;
        }
        return cluster;
    }

    /** Where a browser goes: HAProxy, with TLS. */
    String baseUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The cluster's own database, for tests that check what the instances stored. */
    PostgresTestDatabase database() {
        return database;
    }

    /** The SMTP server every instance sends its mail to (GreenMail). */
    SmtpServer smtp() {
        return smtp;
    }

    /** The certificate HAProxy was given at start (self-signed), for clients that verify it. */
    Path certificate() {
        return runDirectory.resolve("tls.crt");
    }

    String instanceName(int instance) {
        return "vestibule-" + instance;
    }

    List<String> instanceNames() {
        return IntStream.rangeClosed(1, INSTANCES).mapToObj(this::instanceName).toList();
    }

    /** The number of the instance HAProxy calls {@code name}. */
    int instanceNumber(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    long pid(int instance) {
        try {
            return Long.parseLong(Files.readString(runDirectory.resolve("instance-" + instance + ".pid"))
                    .trim());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** kill -9 of one instance: no drain, no goodbye. */
    void kill(int instance) {
        run("kill", String.valueOf(instance));
    }

    /** Starts an instance again (after {@link #kill}, or gracefully first if it runs) and waits until HAProxy routes to it. */
    void restart(int instance) {
        run("restart", String.valueOf(instance));
    }

    /** {@code deploy/local/cluster rolling-restart}, running in the background; its output goes to the test log. */
    Process startRollingRestart() {
        try {
            Process process = command("rolling-restart").start();
            Thread output = new Thread(() -> echo(process), "rolling-restart-output");
            output.setDaemon(true);
            output.start();
            return process;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Brings back any instance a failed test left down, so the next test starts from a whole cluster. */
    void ensureEveryInstanceRuns() {
        for (int instance = 1; instance <= INSTANCES; instance++) {
            if (!Files.exists(runDirectory.resolve("instance-" + instance + ".pid"))
                    || !ProcessHandle.of(pid(instance))
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                restart(instance);
            }
        }
    }

    /** A position in HAProxy's request log; {@link #requestsSince} reads what came after it. */
    int logMark() {
        return requestLines().size();
    }

    /** The requests HAProxy passed on since {@code mark}, in order, each with the instance that served it. */
    List<ServedRequest> requestsSince(int mark) {
        List<String> lines = requestLines();
        return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
                .map(ServedRequest::parse)
                .toList();
    }

    private List<String> requestLines() {
        try {
            return Files.readAllLines(runDirectory.resolve("haproxy.log"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("request "))
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private synchronized void stop() {
        try {
            run("stop");
        } catch (RuntimeException failure) {
            System.err.println("Stopping the local cluster failed: " + failure.getMessage());
        } finally {
            database.close();
            smtp.close();
        }
    }

    private void run(String... arguments) {
        try {
            Process process = command(arguments).start();
            echo(process);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/cluster " + String.join(" ", arguments) + " hung");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/cluster " + String.join(" ", arguments) + " failed (exit "
                        + process.exitValue() + "); instance and HAProxy logs are in " + runDirectory);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private ProcessBuilder command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder;
    }

    private static void echo(Process process) {
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(System.out::println);
        } catch (IOException ignored) {
            // The process ended; nothing more to show.
        }
    }

    private static void requireCommands() {
        List<String> missing =
                REQUIRED_COMMANDS.stream().filter(command -> !onPath(command)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The cluster journeys need " + missing + " on the PATH. On Debian: "
                    + "apt-get install -y haproxy openssl curl postgresql-client redis-tools (.ci/run installs them).");
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .anyMatch(Files::isExecutable);
    }

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Only its port number was needed.
                }
            });
        }
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    /**
     * One line of HAProxy's request log.
     *
     * @param retried whether HAProxy had to send the request again (another connection, maybe another instance)
     *                because the first instance it chose could not take it
     */
    record ServedRequest(String method, String path, String instance, int status, boolean retried) {

        /**
         * "request &lt;time&gt; &lt;id&gt; &lt;method&gt; &lt;path&gt; vestibule/&lt;instance&gt; &lt;status&gt; &lt;ms&gt;
         * &lt;termination&gt; &lt;retries&gt;" (deploy/local/haproxy.cfg.template).
         */
        static ServedRequest parse(String line) {
            String[] fields = line.split(" ");
            String server = fields[5];
            return new ServedRequest(
                    fields[3],
                    fields[4],
                    server.substring(server.indexOf('/') + 1),
                    Integer.parseInt(fields[6]),
                    !fields[9].equals("0"));
        }
    }
}
