package dev.vestibule.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The packaged service, started by the benchmark as a production instance would be (profiles postgres and
 * redis, the JVM capped as in a 512 MiB container) on a fresh database of the machine's PostgreSQL and its
 * own Redis key namespace, both removed afterwards. It measures what only the process shows: the time from
 * process start to readiness, and resident memory.
 */
final class ServiceUnderTest implements AutoCloseable {

    /** Benchmark settings of the instance (docs/performance.md): no limit may throttle the load generator. */
    static final List<String> BENCHMARK_ARGUMENTS = List.of(
            "--vestibule.benchmark.ceiling-endpoint=true",
            "--vestibule.throttling.registrations-per-client-address.capacity=1000000",
            "--vestibule.throttling.registrations-per-client-address.refill-every=1ms",
            "--vestibule.throttling.per-client-address.capacity=1000000",
            "--vestibule.throttling.per-client-address.refill-every=1ms",
            "--vestibule.throttling.per-account.capacity=1000000",
            "--vestibule.throttling.per-account.refill-every=1ms",
            "--vestibule.throttling.failures-everywhere.capacity=1000000",
            "--vestibule.throttling.failures-everywhere.refill-every=1ms");

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final Process process;
    private final String baseUrl;
    private final String prometheusUrl;
    private final Duration startup;
    private final long residentKibWhenReady;
    private final Stores stores;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread stopOnExit = new Thread(this::stopQuietly, "benchmark-service-stop");

    private ServiceUnderTest(
            Process process,
            String baseUrl,
            String prometheusUrl,
            Duration startup,
            long residentKibWhenReady,
            Stores stores) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.prometheusUrl = prometheusUrl;
        this.startup = startup;
        this.residentKibWhenReady = residentKibWhenReady;
        this.stores = stores;
        // An interrupted run (Ctrl-C) must not leave the service running or its database behind.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static ServiceUnderTest start(Path jar, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first (./mvnw -DskipTests package -pl bootstrap -am)");
        }
        Stores stores = Stores.create();
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--management.server.port=" + managementPort);
        command.add("--vestibule.session.redis-namespace=" + stores.redisNamespace() + ":session");
        command.add("--vestibule.throttling.redis-key-prefix=" + stores.redisNamespace() + ":throttle");
        command.addAll(BENCHMARK_ARGUMENTS);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", "postgres,redis");
        // Required with the Redis store (docs/operations.md, "Cookie signing key"); one throwaway key per run.
        environment.put("VESTIBULE_COOKIE_SIGNING_KEY", throwawaySigningKey());
        // issue 14: required with PostgreSQL (docs/operations.md, "Two-factor encryption key").
        environment.put("VESTIBULE_TWO_FACTOR_ENCRYPTION_KEY", throwawaySigningKey());
        environment.put("PORT", String.valueOf(port));
        environment.put("VESTIBULE_DB_HOST", Stores.POSTGRES_HOST);
        environment.put("VESTIBULE_DB_PORT", String.valueOf(Stores.POSTGRES_PORT));
        environment.put("VESTIBULE_DB_NAME", stores.database());
        environment.put("VESTIBULE_DB_USER", Stores.POSTGRES_USER);
        environment.put("VESTIBULE_DB_PASSWORD", Stores.POSTGRES_PASSWORD);
        environment.put("VESTIBULE_REDIS_HOST", Stores.REDIS_HOST);
        environment.put("VESTIBULE_REDIS_PORT", String.valueOf(Stores.REDIS_PORT));
        environment.remove("JAVA_TOOL_OPTIONS");

        long started = System.nanoTime();
        Process process = builder.start();
        try {
            awaitReadiness(process, "http://127.0.0.1:" + managementPort + "/actuator/health/readiness", log);
        } catch (RuntimeException | InterruptedException failed) {
            process.destroyForcibly();
            stores.remove();
            throw failed;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        return new ServiceUnderTest(
                process,
                "http://127.0.0.1:" + port,
                "http://127.0.0.1:" + managementPort + "/actuator/prometheus",
                startup,
                memoryKib(process, "VmRSS"),
                stores);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The instance's metrics, on its management port. */
    String prometheusUrl() {
        return prometheusUrl;
    }

    /** From starting the process to the first readiness probe answering UP. */
    Duration startup() {
        return startup;
    }

    long residentKibWhenReady() {
        return residentKibWhenReady;
    }

    /** The most memory the process has had resident so far (the kernel's high-water mark, VmHWM). */
    long peakResidentKib() {
        return memoryKib(process, "VmHWM");
    }

    long pid() {
        return process.pid();
    }

    /** Stops the instance as an orchestrator would (SIGTERM, graceful), then removes its database and keys. */
    @Override
    public void close() throws InterruptedException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        stores.remove();
    }

    private void stopQuietly() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            stores.remove();
        } catch (InterruptedException | RuntimeException ignored) {
            // The JVM is exiting; nothing more can be done.
        }
    }

    private static void awaitReadiness(Process process, String readiness, Path log) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the service exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(readiness))
                                .timeout(Duration.ofSeconds(1))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the service was not ready within " + STARTUP_LIMIT + "; see " + log);
    }

    private static long memoryKib(Process process, String field) {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line ->
                            line.substring(field.length() + 1).replace("kB", "").strip())
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException notLinux) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The instance's own database and Redis key namespace on the machine's servers (the same variables as the
     * integration tests: {@code VESTIBULE_TEST_POSTGRES_*}, {@code VESTIBULE_TEST_REDIS_*}).
     */
    private static String throwawaySigningKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    record Stores(String database, String redisNamespace) {

        static final String POSTGRES_HOST = env("VESTIBULE_TEST_POSTGRES_HOST", "127.0.0.1");
        static final int POSTGRES_PORT = Integer.parseInt(env("VESTIBULE_TEST_POSTGRES_PORT", "5432"));
        static final String POSTGRES_USER = env("VESTIBULE_TEST_POSTGRES_USER", "postgres");
        static final String POSTGRES_PASSWORD = env("VESTIBULE_TEST_POSTGRES_PASSWORD", "");
        static final String REDIS_HOST = env("VESTIBULE_TEST_REDIS_HOST", "127.0.0.1");
        static final int REDIS_PORT = Integer.parseInt(env("VESTIBULE_TEST_REDIS_PORT", "6379"));

        static Stores create() {
            String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
            Stores stores = new Stores("vestibule_bench_" + id, "vestibule-bench:" + id);
            stores.sql("CREATE DATABASE " + stores.database());
            return stores;
        }

        void remove() {
            try {
                sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } finally {
                deleteRedisKeys();
            }
        }

        private void deleteRedisKeys() {
            try (Jedis redis = new Jedis(REDIS_HOST, REDIS_PORT)) {
                ScanParams pattern =
                        new ScanParams().match(redisNamespace + ":*").count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = redis.scan(cursor, pattern);
                    if (!page.getResult().isEmpty()) {
                        redis.unlink(page.getResult().toArray(String[]::new));
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        }

        private void sql(String statement) {
            String url = "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/postgres";
            try (Connection connection = DriverManager.getConnection(url, POSTGRES_USER, POSTGRES_PASSWORD);
                    Statement sql = connection.createStatement()) {
                sql.execute(statement);
            } catch (SQLException failure) {
                throw new IllegalStateException(
                        "PostgreSQL at " + POSTGRES_HOST + ":" + POSTGRES_PORT + ": " + statement, failure);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
