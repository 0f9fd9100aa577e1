package dev.vestibule.adapters.redis.testing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis for tests: a Testcontainers container when Docker is available, otherwise the server named by
 * {@code VESTIBULE_TEST_REDIS_HOST} / {@code VESTIBULE_TEST_REDIS_PORT} (default 127.0.0.1:6379). Each
 * test JVM gets a key namespace of its own, the Redis counterpart of a fresh database, and deletes its
 * keys at exit. When neither is reachable it fails with directions; it never skips.
 */
public final class RedisTestServer {

    public static final String HOST_VARIABLE = "VESTIBULE_TEST_REDIS_HOST";
    public static final String PORT_VARIABLE = "VESTIBULE_TEST_REDIS_PORT";
    private static final String IMAGE = "redis:7-alpine";

    private static RedisTestServer shared;

    private final String host;
    private final int port;
    private final String namespace;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisTestServer(String host, int port) {
        this.host = host;
        this.port = port;
        this.namespace = "vestibule-it:" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        this.client = RedisClient.create(RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withTimeout(Duration.ofSeconds(3))
                .build());
        try {
            this.connection = client.connect();
            connection.sync().ping();
        } catch (RuntimeException unreachable) {
            client.shutdown();
            throw new IllegalStateException("""
                    The integration tests need Redis, and none was reachable at %s:%d.
                    Either start a Docker engine (Testcontainers then starts Redis by itself), or start Redis \
                    and point the tests at it with %s and %s (defaults 127.0.0.1 and 6379), e.g.
                      redis-server --daemonize yes --port 6379 --save '' --appendonly no""".formatted(host, port, HOST_VARIABLE, PORT_VARIABLE), unreachable);
        }
    }

    public static synchronized RedisTestServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::deleteKeysAndDisconnect, "redis-test-cleanup"));
        }
        return shared;
    }

    private static RedisTestServer start() {
        // A server named explicitly wins over Docker: whoever set the variable meant that server.
        if (System.getenv(HOST_VARIABLE) == null
                && DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6379);
            container.start();
            return new RedisTestServer(container.getHost(), container.getMappedPort(6379));
        }
        String host = System.getenv().getOrDefault(HOST_VARIABLE, "127.0.0.1");
        int port = Integer.parseInt(System.getenv().getOrDefault(PORT_VARIABLE, "6379"));
        return new RedisTestServer(host, port);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The key prefix of everything this test JVM stores in Redis. */
    public String namespace() {
        return namespace;
    }

    /** The session-key prefix this test JVM's instances use. */
    public String sessionNamespace() {
        return namespace + ":session";
    }

    /** Direct access, for asserting what really is (or is not) stored. */
    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    public List<String> keysMatching(String pattern) {
        List<String> keys = new java.util.ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page =
                    commands().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private void deleteKeysAndDisconnect() {
        try {
            List<String> keys = keysMatching(namespace + ":*");
            if (!keys.isEmpty()) {
                commands().del(keys.toArray(String[]::new));
            }
        } finally {
            connection.close();
            client.shutdown();
        }
    }
}
