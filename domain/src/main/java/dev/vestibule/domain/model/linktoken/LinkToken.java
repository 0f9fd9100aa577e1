package dev.vestibule.domain.model.linktoken;

import dev.vestibule.domain.model.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret in a mailed link: 256 random bits, base64url (43 characters, no padding). Only its
 * {@link #hash()} is stored, so a leaked table opens no link; {@link #toString()} never shows it.
 */
public final class LinkToken {

    /** 256 bits: twice the 128 that OWASP and ASVS ask of a token in a link. */
    public static final int RANDOM_BYTES = 32;

    private static final int ENCODED_LENGTH = 43;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private LinkToken(String value) {
        this.value = value;
    }

    /** A brand-new token from {@code random} (a CSPRNG). */
    public static LinkToken generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new LinkToken(ENCODER.encodeToString(bytes));
    }

    /** Reads a token from a link's path; anything that is not 43 base64url characters is simply not a token. */
    public static Optional<LinkToken> decode(String text) {
        if (text == null || text.length() != ENCODED_LENGTH || !isBase64Url(text)) {
            return Optional.empty();
        }
        return Optional.of(new LinkToken(text));
    }

    /** What goes in the link. */
    public String value() {
        return value;
    }

    /** SHA-256 of the token, base64url: the token is random and long, so a slow hash would add cost and no safety. */
    public String hash() {
        // The token is base64url, so its UTF-8 bytes are its ASCII bytes.
        return Sha256.base64Url(value);
    }

    private static boolean isBase64Url(String text) {
        return text.chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkToken that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "LinkToken[<redacted>]";
    }
}
