package dev.vestibule.benchmark;

import java.time.Duration;

/**
 * The figures of one kind of request in one workload, as Gatling's report gives them (response times in ms,
 * over all answers, failed ones included).
 */
record RequestStats(String name, long total, long ok, long failed, long p50, long p75, long p95, long p99, long max) {

    static final RequestStats NONE = new RequestStats("none", 0, 0, 0, -1, -1, -1, -1, -1);

    /** Successful answers per second over the workload's duration. */
    double throughput(Duration duration) {
        return ok / (duration.toMillis() / 1000.0);
    }
}
