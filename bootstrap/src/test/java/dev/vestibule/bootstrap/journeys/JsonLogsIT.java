package dev.vestibule.bootstrap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README's JSON-logs switch on the packaged jar, as an operator starts it: with
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} every console line is one ECS JSON document, and the
 * access line carries its facts as fields: here behind a trusted proxy on 127.0.0.1, whose client and
 * request id it reports.
 */
class JsonLogsIT {

    private static final Path JAR = Path.of("target", "vestibule.jar");
    private static final Pattern RUNNING_AT = Pattern.compile("Vestibule is running at http://localhost:(\\d+)/");
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void withEcsSwitchedOnTheAccessLineIsAJsonDocumentWithItsFields() throws Exception {
        assertThat(JAR)
                .as("the packaged jar (built in the package phase, before the integration tests)")
                .exists();
        ProcessBuilder builder = new ProcessBuilder(
                        javaExecutable(),
                        "-jar",
                        JAR.toString(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--vestibule.proxy.trusted-addresses=127.0.0.1")
                .redirectErrorStream(true);
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process vestibule = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readInto(vestibule, lines), "vestibule-jar-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = awaitPort(lines);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login?token=in-the-query"))
                                    .header("Accept", "text/html")
                                    .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
                                    .header("X-Request-Id", "lb-7f3a")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(requestId).as("the trusted proxy's id").isEqualTo("lb-7f3a");

            JsonNode access = awaitJson(
                    lines,
                    node -> "vestibule.access"
                            .equals(node.path("log").path("logger").asString()));

            assertThat(access.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(access.path("message").asString())
                    .startsWith("GET /login 200 ")
                    .endsWith(" id=" + requestId)
                    .doesNotContain("in-the-query");
            assertThat(access.path("http").path("request").path("id").asString())
                    .isEqualTo(requestId);
            assertThat(access.path("http").path("request").path("method").asString())
                    .isEqualTo("GET");
            assertThat(access.path("http").path("response").path("status_code").isInt())
                    .isTrue();
            assertThat(access.path("http").path("response").path("status_code").asInt())
                    .isEqualTo(200);
            assertThat(access.path("url").path("path").asString()).isEqualTo("/login");
            assertThat(access.path("client").path("ip").asString())
                    .as("the proxy's client, not the client's claim")
                    .isEqualTo("203.0.113.9");
            assertThat(access.path("event").path("duration").asLong()).isPositive();
            assertThat(access.path("@timestamp").asString()).isNotEmpty();
        } finally {
            vestibule.destroy();
            if (!vestibule.waitFor(30, TimeUnit.SECONDS)) {
                vestibule.destroyForcibly();
            }
            reader.join(5_000);
        }
    }

    private int awaitPort(BlockingQueue<String> lines) throws InterruptedException {
        JsonNode running = awaitJson(
                lines,
                node -> RUNNING_AT.matcher(node.path("message").asString()).find());
        Matcher port = RUNNING_AT.matcher(running.path("message").asString());
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /** Reads lines until one matches; every line read must be a JSON document. */
    private JsonNode awaitJson(BlockingQueue<String> lines, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null || line.isBlank() || isJvmNoise(line)) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if (wanted.test(node)) {
                return node;
            }
        }
        throw new AssertionError("no such log line within " + STARTUP);
    }

    /** Lines the JVM itself prints before logging starts (e.g. "Picked up JAVA_TOOL_OPTIONS"). */
    private static boolean isJvmNoise(String line) {
        return List.of("Picked up ", "OpenJDK ", "WARNING: ").stream().anyMatch(line::startsWith);
    }

    private static void readInto(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // The process went away; the test has what it read.
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(command -> Files.isExecutable(Path.of(command)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
