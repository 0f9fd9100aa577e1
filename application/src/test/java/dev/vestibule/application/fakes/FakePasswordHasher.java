package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.out.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, transparent stand-in for a real hasher: "{fake}password". Hashes made before
 * {@link #outdateExistingHashes()} report {@link PasswordCheck#MATCHES_BUT_OUTDATED}, as a real
 * encoder does after its parameters are raised. Counts verifications, so tests can see that a dummy
 * verification happened.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private final AtomicInteger generation = new AtomicInteger(1);
    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash("{fake" + generation.get() + "}" + password);
    }

    @Override
    public PasswordCheck verify(String password, PasswordHash hash) {
        verifications.incrementAndGet();
        String encoded = hash.encoded();
        String prefix = encoded.substring(0, encoded.indexOf('}') + 1);
        if (!encoded.substring(prefix.length()).equals(password)) {
            return PasswordCheck.DOES_NOT_MATCH;
        }
        return prefix.equals("{fake" + generation.get() + "}")
                ? PasswordCheck.MATCHES
                : PasswordCheck.MATCHES_BUT_OUTDATED;
    }

    public void outdateExistingHashes() {
        generation.incrementAndGet();
    }

    public int verifications() {
        return verifications.get();
    }
}
