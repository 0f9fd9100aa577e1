package dev.vestibule.adapters.crypto.twofactor;

import dev.vestibule.domain.port.out.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link SecretCipher} with AES-256-GCM: a random 96-bit nonce per value, the context (the user id) as additional
 * authenticated data, and the id of the key in the sealed text ({@code v1.<key id>.<nonce and ciphertext>}), so that
 * after a rotation the values sealed with a previous key still open and are re-sealed with the current one.
 *
 * <p>The configured keys are text (at least {@value #MINIMUM_KEY_LENGTH} characters, e.g. {@code openssl rand -base64
 * 48}); each is turned into a 256-bit AES key with HMAC-SHA256 under a label of its own, so the same text used as
 * another setting's key (the cookie-signing key, by mistake) still gives an unrelated key. The key id is a short hash
 * of the key under another label: it names the key without telling anything about it.
 */
public final class AesGcmSecretCipher implements SecretCipher {

    public static final int MINIMUM_KEY_LENGTH = 32;

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random;

    private AesGcmSecretCipher(String currentKey, List<String> previousKeys, SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        this.currentKeyId = keyId(check(currentKey));
        byId.put(currentKeyId, aesKey(currentKey));
        for (String previous : previousKeys) {
            if (previous != null && !previous.isBlank()) {
                byId.putIfAbsent(keyId(check(previous)), aesKey(previous));
            }
        }
        this.keys = Map.copyOf(byId);
    }

    /** Seals with {@code currentKey}; opens what it or any of {@code previousKeys} sealed. */
    public static AesGcmSecretCipher withKeys(String currentKey, List<String> previousKeys) {
        return new AesGcmSecretCipher(currentKey, List.copyOf(previousKeys), new SecureRandom());
    }

    /**
     * A key drawn at start, for the embedded default only: its database lives in memory and dies with the process, so
     * nothing sealed with this key outlives it.
     */
    public static AesGcmSecretCipher withGeneratedKey() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[48];
        random.nextBytes(key);
        return new AesGcmSecretCipher(Base64.getEncoder().encodeToString(key), List.of(), random);
    }

    @Override
    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + "." + currentKeyId + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    @Override
    public Optional<byte[]> open(String sealed, String context) {
        String[] parts = Objects.requireNonNull(sealed, "sealed").split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            if (bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            return Optional.of(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException notOurs) {
            // Tampered with, sealed for another context, or not base64: it does not open, whatever the reason.
            return Optional.empty();
        }
    }

    @Override
    public boolean sealedWithCurrentKey(String sealed) {
        return sealed.startsWith(VERSION + "." + currentKeyId + ".");
    }

    /** The version and key id are authenticated too: a value cannot be passed off as another key's. */
    private static byte[] aad(String keyId, String context) {
        return (VERSION + "." + keyId + "." + Objects.requireNonNull(context, "context"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String check(String key) {
        if (key == null || key.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException("a two-factor encryption key has at least " + MINIMUM_KEY_LENGTH
                    + " characters (openssl rand -base64 48)");
        }
        return key;
    }

    private static SecretKey aesKey(String key) {
        return new SecretKeySpec(hmac("vestibule two-factor secret encryption key", key), "AES");
    }

    private static String keyId(String key) {
        return HexFormat.of().formatHex(hmac("vestibule two-factor key id", key), 0, 4);
    }

    private static byte[] hmac(String label, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(label.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretCipher[current key " + currentKeyId + ", " + keys.size() + " keys]";
    }
}
