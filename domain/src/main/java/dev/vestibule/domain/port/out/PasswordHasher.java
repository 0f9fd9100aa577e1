package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;

/**
 * Hashes and verifies passwords with a slow, salted function. Deliberately synchronous and CPU-bound:
 * callers run it on a bounded scheduler, never on an event-loop thread.
 */
public interface PasswordHasher {

    PasswordHash hash(String password);

    PasswordCheck verify(String password, PasswordHash hash);
}
