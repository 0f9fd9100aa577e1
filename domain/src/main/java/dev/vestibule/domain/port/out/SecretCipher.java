package dev.vestibule.domain.port.out;

import java.util.Optional;

/**
 * Seals and opens secrets the service must store but nobody may read from the store (the authenticator-app
 * secrets): authenticated encryption with a key from configuration, bound to {@code context} (the user id), so a
 * sealed value copied to another user's row does not open. CPU-bound and fast: synchronous.
 */
public interface SecretCipher {

    /** {@code plaintext} sealed with the current key. */
    String seal(byte[] plaintext, String context);

    /** What {@code sealed} holds; empty when it was not sealed by us for {@code context}, or its key is gone. */
    Optional<byte[]> open(String sealed, String context);

    /** Whether {@code sealed} was sealed with the current key (else it is re-sealed when next used). */
    boolean sealedWithCurrentKey(String sealed);
}
