package dev.vestibule.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run and the targets of issue 5 as ratios of them (ratios from one run on one machine
 * travel better than absolute numbers).
 *
 * @param warmUp            how the service was warmed up before anything was measured
 * @param settling          per workload: unmeasured settling rounds, and the JIT compiler's share of a core while measured
 * @param hash              the time of one hash the hashing limit is computed from, and how it was taken
 * @param startup           process start to readiness UP, or null when the service was given by URL
 * @param residentKibReady  resident memory when ready (KiB), or -1
 * @param peakResidentKib   the process's peak resident memory, VmHWM (KiB), or -1
 * @param jvmOptions        the service's JVM options, or null when the service was given by URL
 * @param loadBefore        the machine's load averages (1, 5, 15 min) before the first workload: how busy it was
 * @param loadAfter         the same after the last
 */
record Summary(
        BenchmarkSettings settings,
        int cores,
        String warmUp,
        String settling,
        HashTiming hash,
        double stormRate,
        GatlingReport ceiling,
        GatlingReport pageViews,
        GatlingReport loginPage,
        GatlingReport logins,
        GatlingReport storm,
        Duration startup,
        long residentKibReady,
        long peakResidentKib,
        String jvmOptions,
        Path results,
        String loadBefore,
        String loadAfter) {

    static final long CONTAINER_LIMIT_KIB = 512 * 1024;

    Summary withJvmOptions(String options) {
        return new Summary(
                settings,
                cores,
                warmUp,
                settling,
                hash,
                stormRate,
                ceiling,
                pageViews,
                loginPage,
                logins,
                storm,
                startup,
                residentKibReady,
                peakResidentKib,
                options,
                results,
                loadBefore,
                loadAfter);
    }

    double hashMillis() {
        return hash.millis();
    }

    /** Logins per second the cores could verify if they did nothing but hash. */
    double hashingLimit() {
        return cores * 1000.0 / hashMillis();
    }

    double ceilingThroughput() {
        return ceiling.request(Workloads.CEILING).throughput(settings.duration());
    }

    double pageViewThroughput() {
        return pageViews.request(Workloads.PAGE_VIEW).throughput(settings.duration());
    }

    double loginThroughput() {
        return logins.request(Workloads.LOGIN).throughput(settings.duration());
    }

    double stormPageViewThroughput() {
        return storm.request(Workloads.PAGE_VIEW).throughput(settings.duration());
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("Vestibule benchmark, ")
                .append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().atOffset(ZoneOffset.UTC)))
                .append(": ")
                .append(cores)
                .append(" cores, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", JDK ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(settings.duration().toMillis() / 1000.0)
                .append(" s per workload, ")
                .append(settings.visitors())
                .append(" visitors (")
                .append(settings.loginVisitors())
                .append(" in W3)\n");
        text.append("Service: ")
                .append(
                        jvmOptions == null
                                ? settings.baseUrl() + " (given; no process figures)"
                                : "started by the benchmark, JVM options " + jvmOptions)
                .append('\n');
        text.append("Warm-up: ").append(warmUp).append('\n');
        text.append(
                        "Settling rounds until the JIT compiler used < 5 % of a core (its share of a core while measured): ")
                .append(settling)
                .append('\n');
        text.append("Load average (1/5/15 min) before: ")
                .append(loadBefore)
                .append(", after: ")
                .append(loadAfter)
                .append('\n');
        text.append("Reports: ").append(results.toAbsolutePath()).append("/<workload>/*/index.html\n\n");

        text.append("| workload | requests | ok/s | p50 ms | p95 ms | p99 ms | errors |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(text, "ceiling: GET /ceiling", ceiling.request(Workloads.CEILING));
        row(text, "W1: signed-in GET /top-secret", pageViews.request(Workloads.PAGE_VIEW));
        row(text, "W2: anonymous GET /login", loginPage.request(Workloads.LOGIN_PAGE));
        row(text, "W3: GET /login of a full login", logins.request(Workloads.LOGIN_PAGE));
        row(text, "W3: POST /login of a full login", logins.request(Workloads.LOGIN));
        row(text, "W4: signed-in GET /top-secret", storm.request(Workloads.PAGE_VIEW));
        row(
                text,
                String.format(Locale.ROOT, "W4: POST /login, storm at %.1f/s", stormRate),
                storm.request(Workloads.LOGIN));
        text.append('\n');

        RequestStats w1 = pageViews.request(Workloads.PAGE_VIEW);
        RequestStats w4 = storm.request(Workloads.PAGE_VIEW);
        text.append("| target | measured | goal |\n|---|---:|---|\n");
        target(
                text,
                "W1 throughput / ceiling throughput",
                percent(pageViewThroughput() / ceilingThroughput()),
                ">= 20 %");
        target(text, "W1 errors", String.valueOf(w1.failed()), "0");
        target(
                text,
                "W4 page-view p99 / W1 p99",
                ratio((double) w4.p99() / w1.p99()) + " (" + w4.p99() + " / " + w1.p99() + " ms)",
                "<= 2");
        target(
                text,
                "W4 page-view throughput / W1 throughput",
                ratio(stormPageViewThroughput() / pageViewThroughput()),
                ">= 0.5");
        target(
                text,
                "W3 logins/s / hashing limit",
                percent(loginThroughput() / hashingLimit())
                        + String.format(Locale.ROOT, " (%.1f / %.1f)", loginThroughput(), hashingLimit()),
                ">= 80 %");
        target(
                text,
                "hashing limit",
                String.format(Locale.ROOT, "%d cores / %.1f ms = %.1f logins/s", cores, hashMillis(), hashingLimit()),
                hash.description());
        if (startup != null) {
            target(
                    text,
                    "peak resident memory (VmHWM)",
                    mib(peakResidentKib) + " (" + mib(residentKibReady) + " when ready)",
                    "< 512 MiB");
            target(
                    text,
                    "startup to ready",
                    String.format(Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0),
                    "reported");
        }
        return text.toString();
    }

    /** The targets that were missed, in words; empty when all were met. */
    List<String> missedTargets() {
        List<String> missed = new ArrayList<>();
        RequestStats w1 = pageViews.request(Workloads.PAGE_VIEW);
        if (pageViewThroughput() < 0.2 * ceilingThroughput()) {
            missed.add("W1 below 20 % of the ceiling");
        }
        if (w1.failed() != 0) {
            missed.add("W1 had errors");
        }
        if (storm.request(Workloads.PAGE_VIEW).p99() > 2 * w1.p99()) {
            missed.add("W4 page-view p99 above twice W1's");
        }
        if (stormPageViewThroughput() < 0.5 * pageViewThroughput()) {
            missed.add("W4 page views below half of W1");
        }
        if (loginThroughput() < 0.8 * hashingLimit()) {
            missed.add("W3 below 80 % of the hashing limit");
        }
        if (startup != null && peakResidentKib >= CONTAINER_LIMIT_KIB) {
            missed.add("peak resident memory not below 512 MiB");
        }
        return missed;
    }

    private void row(StringBuilder text, String label, RequestStats stats) {
        text.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %d | %d | %d | %d |%n",
                label,
                stats.total(),
                stats.throughput(settings.duration()),
                stats.p50(),
                stats.p95(),
                stats.p99(),
                stats.failed()));
    }

    private static void target(StringBuilder text, String name, String measured, String goal) {
        text.append("| ")
                .append(name)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(goal)
                .append(" |\n");
    }

    /** The load averages of a Linux machine, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields =
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }
}
