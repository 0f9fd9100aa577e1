package dev.vestibule.application.fakes;

import dev.vestibule.domain.port.out.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A stand-in for the AES-GCM cipher (adapters-crypto): it hides nothing, but it binds the context and knows which
 * "key" sealed a value, which is what the use cases rely on.
 */
public final class FakeSecretCipher implements SecretCipher {

    private volatile String currentKey = "k1";

    /** Rotates to a new key: values sealed before still open, and are no longer sealed with the current key. */
    public void rotateTo(String keyId) {
        currentKey = keyId;
    }

    @Override
    public String seal(byte[] plaintext, String context) {
        return currentKey + "." + encode(context.getBytes(StandardCharsets.UTF_8)) + "." + encode(plaintext);
    }

    @Override
    public Optional<byte[]> open(String sealed, String context) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !parts[1].equals(encode(context.getBytes(StandardCharsets.UTF_8)))) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlDecoder().decode(parts[2]));
    }

    @Override
    public boolean sealedWithCurrentKey(String sealed) {
        return sealed.startsWith(currentKey + ".");
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
