package dev.vestibule.domain.model.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key an authenticator app and the service share (RFC 6238): 160 random bits, the length of an HMAC-SHA1 output
 * (RFC 4226 recommends it). It never appears in {@link #toString()}, so it cannot reach a log by accident.
 */
public final class TotpSecret {

    /** 20 bytes: 160 bits, as RFC 4226 section 4 recommends for HMAC-SHA1. */
    public static final int LENGTH_BYTES = 20;

    /** The name the authenticator app shows the account under. */
    public static final String ISSUER = "Vestibule";

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static TotpSecret random(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    public static TotpSecret of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a secret has bytes");
        }
        return new TotpSecret(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The secret as the app's "enter a key" screen takes it. */
    public String base32() {
        return Base32.encode(bytes);
    }

    /** The key URI the QR code carries (Google Authenticator's format, which every app reads). */
    public String otpauthUri(String accountName) {
        String label = encode(ISSUER) + ":" + encode(Objects.requireNonNull(accountName, "accountName"));
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD.toSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TotpSecret that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TotpSecret[hidden]";
    }
}
