package dev.vestibule.domain.model.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 of a text's UTF-8 bytes, the one fast hash of the model: for values that are random and long (tokens,
 * secrets, session ids) a slow password hash would add cost and no safety, and for keys (throttle buckets, bursts) it
 * only has to be short and stable.
 */
public final class Sha256 {

    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private Sha256() {}

    /** The digest, base64url without padding (43 characters): what tables and pages keep. */
    public static String base64Url(String text) {
        return BASE64_URL.encodeToString(digest(text));
    }

    /** The digest in lower-case hex (64 characters): what keys are made of. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK ships SHA-256", impossible);
        }
    }
}
