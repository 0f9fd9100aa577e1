package dev.vestibule.adapters.crypto.hashing;

/**
 * Argon2id cost. The defaults are OWASP's first recommended set (19 MiB, 2 passes, 1 lane), about 25 ms
 * per hash on one core of the machines we measure on.
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    public static final Argon2Parameters OWASP_MINIMUM = new Argon2Parameters(19_456, 2, 1);

    public Argon2Parameters {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("impossible Argon2 parameters");
        }
    }
}
