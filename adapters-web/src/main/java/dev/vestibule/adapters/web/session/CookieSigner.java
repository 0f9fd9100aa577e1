package dev.vestibule.adapters.web.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the values of our cookies that the server must later believe (the CSRF token, the name of a failed
 * login) with HMAC-SHA256 under a server key, so that someone who can plant a cookie (a plain-HTTP page of
 * the same host, a sibling subdomain without the {@code __Host-} prefix) cannot plant one we accept.
 * Each use signs under its own purpose, so a value signed for one cookie is worthless in another.
 *
 * <p>Rotation: values are signed with the current key and accepted under the current or any previous key;
 * an operator adds the new key as current, keeps the old one as previous for as long as the longest-lived
 * signed cookie (a browser's open form), then drops it.
 */
public final class CookieSigner {

    /** A key shorter than this is refused: HMAC-SHA256 is as strong as 32 bytes of key. */
    public static final int MINIMUM_KEY_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '.';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec current;
    private final List<SecretKeySpec> accepted;

    private CookieSigner(byte[] current, List<byte[]> previous) {
        this.current = new SecretKeySpec(current, ALGORITHM);
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(this.current);
        previous.forEach(key -> keys.add(new SecretKeySpec(key, ALGORITHM)));
        this.accepted = List.copyOf(keys);
    }

    /**
     * @param currentKey   signs and verifies; at least {@value #MINIMUM_KEY_LENGTH} characters
     * @param previousKeys only verify (a rotation in progress); each at least as long
     */
    public static CookieSigner withKeys(String currentKey, List<String> previousKeys) {
        Objects.requireNonNull(currentKey, "currentKey");
        Objects.requireNonNull(previousKeys, "previousKeys");
        List<byte[]> previous = new ArrayList<>();
        for (String key : previousKeys) {
            previous.add(bytesOf(key));
        }
        return new CookieSigner(bytesOf(currentKey), previous);
    }

    /** A key made at startup and known to this process only: for a single instance, whose restart forgets it. */
    public static CookieSigner withGeneratedKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CookieSigner(key, List.of());
    }

    private static byte[] bytesOf(String key) {
        if (key.strip().length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a cookie signing key must have at least " + MINIMUM_KEY_LENGTH + " characters");
        }
        return key.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code value}, then a separator and its signature: the value must not contain the separator. */
    public String sign(String purpose, String value) {
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a signed value must not contain '" + SEPARATOR + "'");
        }
        return value + SEPARATOR + ENCODER.encodeToString(mac(current, purpose, value));
    }

    /** The value, if {@code signed} carries a signature of it for {@code purpose} under one of our keys. */
    public Optional<String> verify(String purpose, String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int separator = signed.lastIndexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, separator);
        byte[] given;
        try {
            given = DECODER.decode(signed.substring(separator + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        for (SecretKeySpec key : accepted) {
            if (MessageDigest.isEqual(given, mac(key, purpose, value))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static byte[] mac(SecretKeySpec key, String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
        }
    }
}
