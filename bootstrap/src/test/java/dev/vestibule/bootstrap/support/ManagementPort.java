package dev.vestibule.bootstrap.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an orchestrator and Prometheus see of an instance: its management (actuator) port. */
public final class ManagementPort {

    private static final Pattern SAMPLE = Pattern.compile("^(\\S+?)(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    public ManagementPort(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Answer(int status, String body) {}

    public Answer get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public Answer readiness() {
        return get("/actuator/health/readiness");
    }

    public Answer liveness() {
        return get("/actuator/health/liveness");
    }

    /**
     * One sample of the Prometheus scrape, e.g. {@code metric("vestibule_logins_total", "outcome=\"failed\"")};
     * fails when the scrape has no such sample.
     */
    public double metric(String name, String labels) {
        String scrape = get("/actuator/prometheus").body();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            String sampleLabels = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(name) && (labels.isEmpty() || sampleLabels.contains(labels))) {
                return Double.parseDouble(sample.group(3));
            }
        }
        throw new AssertionError("no sample " + name + "{" + labels + "} in the scrape:\n" + scrape);
    }

    public double metric(String name) {
        return metric(name, "");
    }
}
