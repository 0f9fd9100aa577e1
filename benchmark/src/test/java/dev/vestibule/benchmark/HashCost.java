package dev.vestibule.benchmark;

import java.util.Arrays;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The Argon2id parameters a login verifies at, and a reference timing of them: Spring Security's encoder timed
 * in the benchmark JVM. The hashing limit (cores / time of one hash) comes from {@link ServiceHashTime}, the
 * service's own timing; this one is printed beside it, and used only when the service's metrics are out of
 * reach (a service given by URL without {@code -Dbenchmark.metrics-url}). The service's hasher makes the same
 * hashes as this encoder (16-byte salt, 32-byte hash) from {@code vestibule.hashing.argon2-*}, whose defaults
 * are below, but reuses its memory.
 *
 * @param memoryKib   {@code vestibule.hashing.argon2-memory-kib}
 * @param iterations  {@code vestibule.hashing.argon2-iterations}
 * @param parallelism {@code vestibule.hashing.argon2-parallelism}
 */
record HashCost(int memoryKib, int iterations, int parallelism) {

    static final HashCost SERVICE_DEFAULTS = new HashCost(19_456, 2, 1);

    private static final int WARM_UP = 5;
    private static final int TIMED = 15;

    /** The median time of one verification on one core, in milliseconds (the machine being otherwise idle). */
    double medianMillis() {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
        String hash = encoder.encode(Accounts.PASSWORD);
        for (int i = 0; i < WARM_UP; i++) {
            encoder.matches(Accounts.PASSWORD, hash);
        }
        double[] millis = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long started = System.nanoTime();
            if (!encoder.matches(Accounts.PASSWORD, hash)) {
                throw new IllegalStateException("the hash did not verify");
            }
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis[TIMED / 2];
    }

    @Override
    public String toString() {
        return "Argon2id m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
