package dev.vestibule.benchmark;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The whole benchmark in one go (README, Performance): starts the packaged service on PostgreSQL and Redis
 * (or measures {@code -Dbase.url=...}), times one password hash, warms up, runs the ceiling and W1 to W4 one
 * after another, each with its own Gatling HTML report, and prints the summary (also written to
 * {@code summary.md} next to the reports).
 */
public final class BenchmarkRun {

    static final String JAR = "benchmark.jar";
    static final String JVM_OPTIONS = "benchmark.jvm-options";
    static final String WARM_UP = "benchmark.warm-up";
    static final String RESULTS = "benchmark.results";
    static final String DEFAULT_JVM_OPTIONS = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:ThreadPriorityPolicy=1";

    private BenchmarkRun() {
    }

    public static void main(String[] arguments) throws Exception {
        Summary summary = run();
        System.out.println();
        System.out.println(summary.markdown());
        List<String> missed = summary.missedTargets();
        System.out.println(missed.isEmpty() ? "All targets met." : "Targets missed: " + String.join("; ", missed) + ".");
    }

    /** Runs everything and returns the figures; the service it started (if any) is stopped and its data removed. */
    static Summary run() throws IOException, InterruptedException {
        String timestamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = Path.of(System.getProperty(RESULTS, "target/benchmark")).resolve(timestamp);
        Files.createDirectories(results);
        String givenUrl = System.getProperty(BenchmarkSettings.BASE_URL);
        if (givenUrl != null && !givenUrl.isBlank()) {
            Summary summary = measure(null, results);
            Files.writeString(results.resolve("summary.md"), summary.markdown());
            return summary;
        }
        List<String> jvmOptions = Arrays.asList(System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).strip().split("\\s+"));
        Path jar = Path.of(System.getProperty(JAR, "../../bootstrap/target/vestibule.jar"));
        System.out.println("Starting " + jar + " with " + jvmOptions + " (log: " + results.resolve("service.log") + ")");
        try (ServiceUnderTest service = ServiceUnderTest.start(jar, jvmOptions, results.resolve("service.log"))) {
            System.setProperty(BenchmarkSettings.BASE_URL, service.baseUrl());
            try {
                Summary summary = measure(service, results).withJvmOptions(String.join(" ", jvmOptions));
                Files.writeString(results.resolve("summary.md"), summary.markdown());
                return summary;
            } finally {
                System.clearProperty(BenchmarkSettings.BASE_URL);
            }
        }
    }

    private static Summary measure(ServiceUnderTest service, Path results) throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        String loadBefore = Summary.loadAverage();
        double warmUpSeconds = Double.parseDouble(System.getProperty(WARM_UP, "10"));
        if (warmUpSeconds > 0) {
            withDuration(warmUpSeconds, () -> GatlingRun.run(WarmUpSimulation.class, results.resolve("warm-up"), "warm-up", false));
        }
        GatlingReport ceiling = workload(CeilingSimulation.class, results, "ceiling");
        GatlingReport pageViews = workload(PageViewSimulation.class, results, "w1-page-views");
        GatlingReport loginPage = workload(LoginPageSimulation.class, results, "w2-login-page");
        // Timed right before W3, so that the hashing limit sees the machine as busy as W3 will.
        HashCost hashCost = HashCost.SERVICE_DEFAULTS;
        System.out.println("Timing one " + hashCost + " verification ...");
        double hashMillis = hashCost.medianMillis();
        GatlingReport logins = workload(LoginSimulation.class, results, "w3-logins");
        // The storm of W4 arrives at the login capacity W3 just measured.
        double capacity = Math.max(1, logins.request(Workloads.LOGIN).throughput(settings.duration()));
        System.setProperty(BenchmarkSettings.LOGIN_RATE, String.format(java.util.Locale.ROOT, "%.2f", capacity));
        GatlingReport storm;
        try {
            storm = workload(PageViewsDuringLoginsSimulation.class, results, "w4-page-views-during-logins");
        } finally {
            System.clearProperty(BenchmarkSettings.LOGIN_RATE);
        }
        return new Summary(settings, Runtime.getRuntime().availableProcessors(), hashCost, hashMillis, capacity,
                ceiling, pageViews, loginPage, logins, storm,
                service == null ? null : service.startup(),
                service == null ? -1 : service.residentKibWhenReady(),
                service == null ? -1 : service.peakResidentKib(),
                null, results, loadBefore, Summary.loadAverage());
    }

    private static GatlingReport workload(Class<? extends Simulation> simulation, Path results, String name) throws IOException {
        System.out.println("Running " + name + " ...");
        return GatlingReport.read(GatlingRun.run(simulation, results.resolve(name), name, true));
    }

    private interface GatlingStep {
        void run() throws IOException;
    }

    private static void withDuration(double seconds, GatlingStep step) throws IOException {
        String measured = System.getProperty(BenchmarkSettings.DURATION);
        System.setProperty(BenchmarkSettings.DURATION, String.valueOf(seconds));
        try {
            step.run();
        } finally {
            if (measured == null) {
                System.clearProperty(BenchmarkSettings.DURATION);
            } else {
                System.setProperty(BenchmarkSettings.DURATION, measured);
            }
        }
    }
}
