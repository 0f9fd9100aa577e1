package dev.vestibule.bootstrap.metrics;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.out.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Times every password hash and verification where it runs, on a hashing thread. A verification is the CPU
 * price of one login at the configured Argon2id parameters: operators size instances and tune the
 * {@code argon2-*} settings with it, and the benchmark divides the cores by it to get the hashing limit of the
 * service it measures (the same compiled code the logins run, not a copy timed in another JVM).
 */
public final class MeteredPasswordHasher implements PasswordHasher {

    public static final String HASHING = "vestibule.password.hashing";

    private final PasswordHasher delegate;
    private final Timer hashes;
    private final Timer verifications;

    public MeteredPasswordHasher(PasswordHasher delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hashes = timer(registry, "hash");
        this.verifications = timer(registry, "verify");
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder(HASHING)
                .description(
                        "Time of one password hash (sign-up, password change: operation=hash) or verification "
                                + "(login, also against a dummy hash for unknown accounts: operation=verify) on a hashing thread")
                .tag("operation", operation)
                .register(registry);
    }

    @Override
    public PasswordHash hash(String password) {
        return hashes.record(() -> delegate.hash(password));
    }

    @Override
    public PasswordCheck verify(String password, PasswordHash hash) {
        return verifications.record(() -> delegate.verify(password, hash));
    }
}
