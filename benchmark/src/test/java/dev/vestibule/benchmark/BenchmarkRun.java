package dev.vestibule.benchmark;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The whole benchmark in one go (docs/performance.md): starts the packaged service on PostgreSQL and Redis
 * (or measures {@code -Dbase.url=...}, whose metrics {@code -Dbenchmark.metrics-url=...} must give), warms up,
 * runs the ceiling and W1 to W4 one after another, each with its own Gatling HTML report, has the service time
 * one password hash before W3, and prints the summary (also written to {@code summary.md} next to the reports).
 */
public final class BenchmarkRun {

    static final String JAR = "benchmark.jar";
    static final String JVM_OPTIONS = "benchmark.jvm-options";
    static final String WARM_UP = "benchmark.warm-up";
    static final String WARM_UP_ROUNDS = "benchmark.warm-up-rounds";
    static final String SETTLE = "benchmark.settle";
    static final String SETTLE_ROUNDS = "benchmark.settle-rounds";
    /** The JIT compiler counts as done when it used less than this share of one core during a warm-up round. */
    static final double COMPILER_SETTLED = 0.05;
    /** The hash is timed once the machine is at most this busy (or after {@link #QUIET_WAIT}). */
    static final double QUIET = 0.10;

    static final Duration QUIET_WAIT = Duration.ofSeconds(15);
    static final String RESULTS = "benchmark.results";
    /** The Prometheus scrape of a service given by URL, e.g. http://127.0.0.1:8081/actuator/prometheus. */
    static final String METRICS_URL = "benchmark.metrics-url";

    static final String DEFAULT_JVM_OPTIONS =
            "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=10";

    private BenchmarkRun() {}

    /** A run that cannot start as asked; {@link #main} prints the message alone, without a stack trace. */
    static final class MissingSetting extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingSetting(String message) {
            super(message);
        }
    }

    public static void main(String[] arguments) throws Exception {
        Summary summary;
        try {
            summary = run();
        } catch (MissingSetting missing) {
            System.err.println(missing.getMessage());
            System.exit(2);
            return;
        }
        System.out.println();
        System.out.println(summary.markdown());
        List<String> missed = summary.missedTargets();
        System.out.println(
                missed.isEmpty() ? "All targets met." : "Targets missed: " + String.join("; ", missed) + ".");
    }

    /** Runs everything and returns the figures; the service it started (if any) is stopped and its data removed. */
    static Summary run() throws IOException, InterruptedException {
        String givenUrl = System.getProperty(BenchmarkSettings.BASE_URL, "");
        String givenMetricsUrl = System.getProperty(METRICS_URL, "");
        if (!givenUrl.isBlank() && givenMetricsUrl.isBlank()) {
            throw new MissingSetting("-D" + BenchmarkSettings.BASE_URL + "=" + givenUrl + " needs -D" + METRICS_URL
                    + "=http://HOST:MANAGEMENT_PORT/actuator/prometheus as well: the hashing limit is the time of one hash as"
                    + " the service itself measures it (vestibule_password_hashing_seconds on its management port).");
        }
        String timestamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path results = Path.of(System.getProperty(RESULTS, "target/benchmark")).resolve(timestamp);
        Files.createDirectories(results);
        if (!givenUrl.isBlank()) {
            Summary summary = measure(null, givenMetricsUrl, results);
            Files.writeString(results.resolve("summary.md"), summary.markdown());
            return summary;
        }
        List<String> jvmOptions = Arrays.asList(
                System.getProperty(JVM_OPTIONS, DEFAULT_JVM_OPTIONS).strip().split("\\s+"));
        Path jar = Path.of(System.getProperty(JAR, "../bootstrap/target/vestibule.jar"));
        System.out.println(
                "Starting " + jar + " with " + jvmOptions + " (log: " + results.resolve("service.log") + ")");
        try (ServiceUnderTest service = ServiceUnderTest.start(jar, jvmOptions, results.resolve("service.log"))) {
            System.setProperty(BenchmarkSettings.BASE_URL, service.baseUrl());
            try {
                Summary summary =
                        measure(service, service.prometheusUrl(), results).withJvmOptions(String.join(" ", jvmOptions));
                Files.writeString(results.resolve("summary.md"), summary.markdown());
                return summary;
            } finally {
                System.clearProperty(BenchmarkSettings.BASE_URL);
            }
        }
    }

    /** Runs the workloads against {@code base.url}; {@code service} is null for a service given by URL. */
    private static Summary measure(ServiceUnderTest service, String metricsUrl, Path results) throws IOException {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        String loadBefore = Summary.loadAverage();
        String warmUp = warmUp(service, results);
        Settling settling = new Settling(service);
        GatlingReport ceiling = settling.workload(CeilingSimulation.class, results, "ceiling");
        GatlingReport pageViews = settling.workload(PageViewSimulation.class, results, "w1-page-views");
        GatlingReport loginPage = settling.workload(LoginPageSimulation.class, results, "w2-login-page");
        HashTiming hash = timeOneHash(settings, metricsUrl);
        GatlingReport logins = settling.workload(LoginSimulation.class, results, "w3-logins");
        // The storm of W4 arrives at the login capacity W3 just measured.
        double capacity = Math.max(1, logins.request(Workloads.LOGIN).throughput(settings.duration()));
        System.setProperty(BenchmarkSettings.LOGIN_RATE, String.format(Locale.ROOT, "%.2f", capacity));
        GatlingReport storm;
        try {
            storm = settling.workload(PageViewsDuringLoginsSimulation.class, results, "w4-page-views-during-logins");
        } finally {
            System.clearProperty(BenchmarkSettings.LOGIN_RATE);
        }
        return new Summary(
                settings,
                Runtime.getRuntime().availableProcessors(),
                warmUp,
                settling.toString(),
                hash,
                capacity,
                ceiling,
                pageViews,
                loginPage,
                logins,
                storm,
                service == null ? null : service.startup(),
                service == null ? -1 : service.residentKibWhenReady(),
                service == null ? -1 : service.peakResidentKib(),
                null,
                results,
                loadBefore,
                Summary.loadAverage());
    }

    /**
     * Every kind of request at once, in rounds of {@code benchmark.warm-up} seconds (default 10), until the
     * service's JIT compiler has settled: a Spring service on two cores keeps one compiler thread busy for a
     * minute or more, and a workload measured meanwhile measures the compiler too (we saw it take half a core
     * through W1 and most of one at the start of W3). A service given by URL gets one round: its compiler
     * cannot be watched from here.
     *
     * @return what the warm-up did, for the summary
     */
    private static String warmUp(ServiceUnderTest service, Path results) throws IOException {
        double roundSeconds = Double.parseDouble(System.getProperty(WARM_UP, "10"));
        if (roundSeconds <= 0) {
            return "none";
        }
        int maxRounds = service == null ? 1 : Integer.getInteger(WARM_UP_ROUNDS, 12);
        Quieting warmUp =
                untilCompilerQuiet(service, WarmUpSimulation.class, results, "warm-up", roundSeconds, maxRounds);
        if (warmUp.lastShare().isEmpty()) {
            return String.format(Locale.ROOT, "%d x %.0f s", warmUp.rounds(), roundSeconds);
        }
        double compilerCores = warmUp.lastShare().getAsDouble();
        return String.format(
                Locale.ROOT,
                "%d x %.0f s, until the JIT compiler used %.0f %% of a core%s",
                warmUp.rounds(),
                roundSeconds,
                100 * compilerCores,
                compilerCores < COMPILER_SETTLED ? "" : " (round limit)");
    }

    /** How many rounds ran, and the compiler's share of a core in the last (empty when it cannot be watched). */
    private record Quieting(int rounds, OptionalDouble lastShare) {}

    /**
     * Runs {@code simulation} unmeasured in rounds of {@code roundSeconds} until the service's JIT compiler used
     * less than {@link #COMPILER_SETTLED} of a core in a round, at most {@code maxRounds}; one round when the
     * compiler cannot be watched (a service given by URL, a machine without /proc).
     */
    private static Quieting untilCompilerQuiet(
            ServiceUnderTest service,
            Class<? extends Simulation> simulation,
            Path results,
            String name,
            double roundSeconds,
            int maxRounds)
            throws IOException {
        for (int round = 1; ; round++) {
            String roundName = name + "-" + round;
            OptionalDouble compiler = compilerShareDuring(
                    service,
                    () -> withDuration(
                            roundSeconds,
                            () -> GatlingRun.run(simulation, results.resolve(roundName), roundName, false)));
            if (compiler.isEmpty()) {
                return new Quieting(round, compiler);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s round %d: the JIT compiler used %.0f %% of a core%n",
                    name,
                    round,
                    100 * compiler.getAsDouble());
            if (compiler.getAsDouble() < COMPILER_SETTLED || round >= maxRounds) {
                return new Quieting(round, compiler);
            }
        }
    }

    /** The share of one core the service's JIT compiler threads used while {@code step} ran; empty if it cannot be read. */
    private static OptionalDouble compilerShareDuring(ServiceUnderTest service, GatlingStep step) throws IOException {
        OptionalLong before = service == null ? OptionalLong.empty() : ProcCpu.compilerTicks(service.pid());
        long started = System.nanoTime();
        step.run();
        OptionalLong after = service == null ? OptionalLong.empty() : ProcCpu.compilerTicks(service.pid());
        if (before.isEmpty() || after.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((after.getAsLong() - before.getAsLong())
                / ProcCpu.TICKS_PER_SECOND
                / ((System.nanoTime() - started) / 1e9));
    }

    /**
     * "Cores / time of one hash": single logins' verifications as the service itself times them, on a machine
     * otherwise idle, right before W3, read from its metrics (the service the benchmark started, or
     * {@code -Dbenchmark.metrics-url}).
     */
    private static HashTiming timeOneHash(BenchmarkSettings settings, String metricsUrl) throws IOException {
        double busy = awaitQuietMachine();
        System.out.printf(
                Locale.ROOT,
                "Timing the service's verifications, one login at a time (machine %.0f %% busy) ...%n",
                100 * busy);
        try {
            return new HashTiming(ServiceHashTime.medianMillis(settings.baseUrl(), metricsUrl), busy);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while timing the service's hash", interrupted);
        }
    }

    /** Waits until the machine is at most {@link #QUIET} busy over half a second, at most {@link #QUIET_WAIT}. */
    private static double awaitQuietMachine() {
        long deadline = System.nanoTime() + QUIET_WAIT.toNanos();
        double busy = 1;
        try {
            while (System.nanoTime() < deadline) {
                Optional<ProcCpu.MachineTicks> before = ProcCpu.machineTicks();
                Thread.sleep(500);
                Optional<ProcCpu.MachineTicks> after = ProcCpu.machineTicks();
                if (before.isEmpty() || after.isEmpty()) {
                    return Double.NaN;
                }
                busy = after.get().busyShareSince(before.get());
                if (busy <= QUIET) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return busy;
    }

    /**
     * Runs the workloads, each with its own report, after settling: the same workload, unmeasured, in rounds of
     * {@code benchmark.settle} seconds (default 5) until the service's JIT compiler used less than 5 % of a core
     * in a round (at most {@code benchmark.settle-rounds}, default 24; one round for a service given by URL).
     * When the mix of requests changes, the compiler throws away code compiled for the previous mix and compiles
     * again (136 deoptimizations in the first 10 s of W3 after W2), and code only logins run climbs to its final
     * compilation slowly: a login costs a whole hash, so at ~50 logins/s a method called once per login is
     * called a few thousand times a minute (1,250 compilations during 40 s of W3 after 5 s of settling, the
     * compiler taking 5-8 % of the machine). That is the switch between workloads, not the workload. Remembers
     * how many rounds each took and the compiler's share during each measurement, for the summary.
     */
    private static final class Settling {

        private final ServiceUnderTest service;
        private final StringBuilder notes = new StringBuilder();

        Settling(ServiceUnderTest service) {
            this.service = service;
        }

        GatlingReport workload(Class<? extends Simulation> simulation, Path results, String name) throws IOException {
            double settleSeconds = Double.parseDouble(System.getProperty(SETTLE, "5"));
            int maxRounds = service == null ? 1 : Integer.getInteger(SETTLE_ROUNDS, 24);
            int rounds = settleSeconds <= 0
                    ? 0
                    : untilCompilerQuiet(service, simulation, results, name + "-settle", settleSeconds, maxRounds)
                            .rounds();
            System.out.println("Running " + name + " ...");
            Path[] report = new Path[1];
            OptionalDouble compiler = compilerShareDuring(
                    service, () -> report[0] = GatlingRun.run(simulation, results.resolve(name), name, true));
            notes.append(notes.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(rounds)
                    .append(
                            compiler.isEmpty()
                                    ? ""
                                    : String.format(Locale.ROOT, " (%.0f %%)", 100 * compiler.getAsDouble()));
            return GatlingReport.read(report[0]);
        }

        /** "ceiling 1 (2 %), w1-page-views 1 (1 %), ...": settling rounds, and the compiler's share while measured. */
        @Override
        public String toString() {
            return notes.toString();
        }
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
