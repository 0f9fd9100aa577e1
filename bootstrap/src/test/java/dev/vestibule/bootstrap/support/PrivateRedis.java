package dev.vestibule.bootstrap.support;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the test's own, on a free port with a temp directory and no persistence, that a test
 * may kill and start again on the same port: an outage of the session store without touching the
 * machine's shared Redis. Cleaned up by {@link #close()} and, should the test JVM die first, by a
 * shutdown hook. When it cannot start, it fails with the reason; it never skips.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port = PrivateProcesses.freePort();
    private final Path directory;
    private final Path log;
    private final Thread cleanup = new Thread(this::close, "private-redis-cleanup");
    private Process process;

    private PrivateRedis() {
        try {
            directory = Files.createTempDirectory("vestibule-redis-");
        } catch (IOException failure) {
            throw new IllegalStateException("cannot create a temp directory for a private Redis", failure);
        }
        log = directory.resolve("redis.log");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public static PrivateRedis start() {
        PrivateRedis redis = new PrivateRedis();
        try {
            redis.startAgain();
            return redis;
        } catch (RuntimeException failure) {
            redis.close();
            throw failure;
        }
    }

    public int port() {
        return port;
    }

    /** The fields of a hash, straight from this server (to show what a session really holds). */
    public Map<String, String> hash(String key) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            return connection.sync().hgetall(key);
        } finally {
            client.shutdown();
        }
    }

    /** Starts redis-server (again) on the same port. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("private Redis is already running");
        }
        List<String> command = List.of(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                directory.toString(),
                "--logfile",
                log.toString());
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("stdout.log").toFile()))
                    .start();
        } catch (IOException failure) {
            throw new IllegalStateException("""
                    The outage tests start a private redis-server and could not: %s
                    Install Redis (Debian: apt-get install redis-server) so that redis-server is on the PATH.""".formatted(failure.getMessage()), failure);
        }
        try {
            PrivateProcesses.awaitPort(port, true, Duration.ofSeconds(20), "private Redis");
        } catch (IllegalStateException notListening) {
            throw new IllegalStateException(
                    notListening.getMessage() + "\n" + PrivateProcesses.tail(log), notListening);
        }
    }

    /** Kills the server (SIGKILL: a crash, no goodbye to the clients) and waits until the port is closed. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        PrivateProcesses.awaitPort(port, false, Duration.ofSeconds(10), "private Redis");
    }

    /**
     * Stops the server without closing its connections (SIGSTOP): clients stay connected and get no
     * answer, as with a hung server or a network that drops packets. {@link #thaw()} resumes it.
     */
    public synchronized void freeze() {
        signal("-STOP");
    }

    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("private Redis is not running");
        }
        PrivateProcesses.run(directory.resolve("signals.log"), List.of("kill", signal, String.valueOf(process.pid())));
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL ends a frozen process too
        }
        PrivateProcesses.deleteRecursively(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself.
        }
    }
}
