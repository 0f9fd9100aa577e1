package dev.vestibule.adapters.redis.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.domain.model.session.SessionAttributes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.data.redis.ReactiveRedisIndexedSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * What finding a user's sessions costs per request, counted at the Redis server (MONITOR, filtered to this
 * test's key namespaces, so other tests on the same server do not count): today's plain repository behind
 * the sparing one; the same with this adapter's per-user index; and Spring Session's indexed repository
 * (findByPrincipalName) behind the sparing one. A page view is what Spring Session's WebSession store does
 * per request: find the session, touch its last access, save. The numbers are printed; the assertion is the
 * design's promise: the per-user index adds no command to a page view that changes nothing.
 */
class SessionRegistryCostIT {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final int PAGE_VIEWS = 200;
    private static final List<String> FIGURES = new CopyOnWriteArrayList<>();

    private static LettuceConnectionFactory connections;
    private static ReactiveRedisTemplate<String, Object> sessionTemplate;
    private static ReactiveStringRedisTemplate strings;

    @BeforeAll
    static void connect() {
        RedisTestServer redis = RedisTestServer.shared();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        RedisSerializer<Object> json =
                new GenericJacksonJsonRedisSerializer(JsonMapper.builder().build());
        sessionTemplate = new ReactiveRedisTemplate<>(
                connections,
                RedisSerializationContext.<String, Object>newSerializationContext(RedisSerializer.string())
                        .value(json)
                        .hashKey(RedisSerializer.string())
                        .hashValue(json)
                        .build());
        strings = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void report() {
        connections.destroy();
        System.out.println("[session registry cost, Redis commands]\n  " + String.join("\n  ", FIGURES));
    }

    @Test
    void thePerUserIndexAddsNoCommandToAPageViewAndTwoToAWrite() throws Exception {
        String namespace = RedisTestServer.shared().sessionNamespace() + "-cost-" + UUID.randomUUID();
        ReactiveRedisSessionRepository plainToday = plain(namespace + "-today");
        Cost today = measure("today: plain repository, sparing", namespace + "-today", sparing(plainToday), false);
        ReactiveRedisSessionRepository plainIndexed = plain(namespace + "-ours");
        Cost ours = measure(
                "per-user index (this adapter)",
                namespace + "-ours",
                sparing(SignedInIndexingSessionRepository.decorating(plainIndexed, strings, namespace + "-ours", IDLE)),
                false);
        ReactiveRedisIndexedSessionRepository springIndexed =
                new ReactiveRedisIndexedSessionRepository(sessionTemplate, strings);
        springIndexed.setRedisKeyNamespace(namespace + "-spring");
        springIndexed.setDefaultMaxInactiveInterval(IDLE);
        springIndexed.disableCleanupTask();
        springIndexed.afterPropertiesSet();
        Cost spring;
        try {
            spring = measure(
                    "Spring Session indexed repository, sparing", namespace + "-spring", sparing(springIndexed), true);
        } finally {
            springIndexed.destroy();
        }

        assertThat(ours.perPageView()).as("a page view that changes nothing").isEqualTo(today.perPageView());
        assertThat(ours.write()).as("a write of a signed-in session").isEqualTo(today.write() + 2);
        assertThat(spring.write()).isGreaterThan(today.write());
    }

    private static ReactiveRedisSessionRepository plain(String namespace) {
        ReactiveRedisSessionRepository repository = new ReactiveRedisSessionRepository(sessionTemplate);
        repository.setRedisKeyNamespace(namespace);
        repository.setDefaultMaxInactiveInterval(IDLE);
        return repository;
    }

    private static SparingSessionRepository<?> sparing(ReactiveSessionRepository<? extends Session> repository) {
        return SparingSessionRepository.decorating(repository, SparingSessionRepository.writeIntervalFor(IDLE));
    }

    private static <S extends Session> Cost measure(
            String name, String namespace, ReactiveSessionRepository<S> repository, boolean principalIndex)
            throws Exception {
        try (Monitor monitor = Monitor.start(namespace)) {
            S created = repository.createSession().block();
            created.setAttribute(SessionAttributes.USER_ID, UUID.randomUUID().toString());
            if (principalIndex) {
                created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "alice");
            }
            repository.save(created).block();
            String id = created.getId();
            long signIn = monitor.settledCount();

            long started = System.nanoTime();
            for (int i = 0; i < PAGE_VIEWS; i++) {
                S session = repository.findById(id).block();
                session.setLastAccessedTime(Instant.now());
                repository.save(session).block();
            }
            long viewNanos = (System.nanoTime() - started) / PAGE_VIEWS;
            long views = monitor.settledCount() - signIn;

            S session = repository.findById(id).block();
            session.setAttribute("vestibule.flash", "a flash message");
            repository.save(session).block();
            long write = monitor.settledCount() - signIn - views - 1; // less the findById

            Cost cost = new Cost((double) views / PAGE_VIEWS, write);
            FIGURES.add("%s: sign-in %d, page view %.2f (%.0f µs), a write %d"
                    .formatted(name, signIn, cost.perPageView(), viewNanos / 1e3, write));
            return cost;
        }
    }

    private record Cost(double perPageView, long write) {}

    /** redis-cli MONITOR, counting the commands that name a key of one namespace. */
    private static final class Monitor implements AutoCloseable {

        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final String namespace;

        private Monitor(Process process, String namespace) {
            this.process = process;
            this.namespace = namespace;
        }

        static Monitor start(String namespace) throws IOException, InterruptedException {
            RedisTestServer redis = RedisTestServer.shared();
            Process process = new ProcessBuilder(
                            "redis-cli", "-h", redis.host(), "-p", String.valueOf(redis.port()), "monitor")
                    .redirectErrorStream(true)
                    .start();
            Monitor monitor = new Monitor(process, namespace);
            Thread reader = new Thread(monitor::read, "redis-monitor");
            reader.setDaemon(true);
            reader.start();
            while (monitor.lines.isEmpty()) {
                // MONITOR answers OK first; after it, every command is seen.
                Thread.sleep(10);
            }
            return monitor;
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }

        /** Commands of the namespace seen so far, once MONITOR has had time to print the last one. */
        long settledCount() throws InterruptedException {
            long before;
            long now = count();
            do {
                before = now;
                Thread.sleep(100);
                now = count();
            } while (now != before);
            return now;
        }

        private long count() {
            return lines.stream().filter(line -> line.contains(namespace)).count();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
