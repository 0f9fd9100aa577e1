package dev.vestibule.benchmark;

import java.util.Locale;

/**
 * The time of one hash that the hashing limit divides the cores by, and how it was taken.
 *
 * @param parameters         the Argon2id parameters (the service's defaults)
 * @param millis             the time of one verification the limit is computed from
 * @param byService          timed by the service itself ({@link ServiceHashTime}); false: Spring Security's
 *                           encoder timed in the benchmark JVM, because the service's metrics were out of reach
 * @param benchmarkJvmMillis Spring Security's encoder timed in the benchmark JVM, printed for comparison
 * @param busyWhenTimed      how busy the machine was when the timing began (share of all cores; NaN if unknown)
 */
record HashTiming(HashCost parameters, double millis, boolean byService, double benchmarkJvmMillis, double busyWhenTimed) {

    String description() {
        String how = byService
                ? String.format(Locale.ROOT, "median of 15 single logins' verifications as the service timed them "
                        + "(vestibule_password_hashing_seconds); Spring Security's encoder in the benchmark JVM: %.1f ms",
                        benchmarkJvmMillis)
                : "median of 15 verifications of Spring Security's encoder timed in the benchmark JVM (the service's "
                        + "metrics were out of reach: -Dbenchmark.metrics-url)";
        return String.format(Locale.ROOT, "%s, %s, right before W3, the machine %.0f %% busy", parameters, how, 100 * busyWhenTimed);
    }
}
