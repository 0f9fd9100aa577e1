package dev.vestibule.adapters.crypto.hashing;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.out.PasswordHasher;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id through Spring Security's {@link DelegatingPasswordEncoder}: every hash names its algorithm
 * ("{argon2}..."), so hashes made with older parameters, or imported bcrypt hashes, keep working and are
 * reported as outdated, to be replaced at the next successful login. Argon2 rather than bcrypt because
 * bcrypt ignores everything past 72 bytes, which silently weakens long passphrases.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final String ARGON2 = "argon2";

    private final PasswordEncoder encoder;

    public Argon2PasswordHasher(Argon2Parameters parameters) {
        this(parameters, 1);
    }

    /**
     * @param concurrentHashes how many hashes may run at once (the hashing threads): the Argon2 memory of
     *                         that many hashes is kept and reused instead of allocated for every hash
     */
    public Argon2PasswordHasher(Argon2Parameters parameters, int concurrentHashes) {
        this.encoder = new DelegatingPasswordEncoder(
                ARGON2,
                Map.of(
                        ARGON2,
                        new PooledArgon2PasswordEncoder(parameters, concurrentHashes),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash(encoder.encode(password));
    }

    @Override
    public PasswordCheck verify(String password, PasswordHash hash) {
        boolean matches;
        try {
            matches = encoder.matches(password, hash.encoded());
        } catch (IllegalArgumentException unreadableHash) {
            // An unknown algorithm id or a mangled hash: nobody can sign in with it, and nobody learns why.
            return PasswordCheck.DOES_NOT_MATCH;
        }
        if (!matches) {
            return PasswordCheck.DOES_NOT_MATCH;
        }
        return encoder.upgradeEncoding(hash.encoded()) ? PasswordCheck.MATCHES_BUT_OUTDATED : PasswordCheck.MATCHES;
    }
}
