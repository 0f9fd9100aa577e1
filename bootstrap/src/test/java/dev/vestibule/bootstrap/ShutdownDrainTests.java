package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stopping instance first reports readiness DOWN and keeps serving pages for the drain delay, so that a
 * load balancer checking readiness moves traffic away before the instance stops accepting connections.
 */
class ShutdownDrainTests {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void onShutdownReadinessGoesDownWhileThePagesAreStillServedThenTheInstanceStops() throws Exception {
        ConfigurableApplicationContext context = SpringApplication.run(
                VestibuleApplication.class,
                "--server.port=0",
                "--management.server.port=0",
                "--vestibule.shutdown.drain-delay=6s");
        String site = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
        String readiness = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port")
                + "/actuator/health/readiness";
        assertThat(status(readiness)).isEqualTo(200);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        int readinessDuringShutdown = status(readiness);
        while (readinessDuringShutdown == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            readinessDuringShutdown = status(readiness);
        }

        assertThat(readinessDuringShutdown)
                .as("readiness once the instance is stopping")
                .isEqualTo(503);
        assertThat(closing).as("the instance is still draining").isNotDone();
        assertThat(status(site + "/")).as("a page requested while draining").isEqualTo(200);

        closing.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> status(site + "/"))
                .as("a page requested once stopped")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aNegativeDrainDelayIsRefusedAtStartup() {
        assertThatThrownBy(() -> SpringApplication.run(
                        VestibuleApplication.class, "--server.port=0", "--vestibule.shutdown.drain-delay=-1s"))
                .hasStackTraceContaining("vestibule.shutdown.drain-delay must not be negative");
    }

    private int status(String url) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
