package dev.vestibule.domain.model.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps,
 * and one step of clock drift accepted each way. A code is accepted once: {@link #matchingStep} answers the time step
 * that matched, and only a step later than the last one used counts, so the store keeps the last used step and moves
 * it on with one conditional update.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final Duration PERIOD = Duration.ofSeconds(30);
    /** Steps of clock drift accepted each way: one, as RFC 6238 section 5.2 recommends at most. */
    public static final int DRIFT_STEPS = 1;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private Totp() {}

    /** The time step {@code at} falls into (T = floor(unix time / 30 s), T0 = 0). */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD.toSeconds());
    }

    /** The 6-digit code of {@code secret} for {@code step}. */
    public static String code(TotpSecret secret, long step) {
        return code(secret.bytes(), step, DIGITS, "HmacSHA1");
    }

    /**
     * RFC 6238's generateTOTP: HMAC of the big-endian step with {@code key}, dynamic truncation (RFC 4226 5.3), the
     * last {@code digits} decimal digits, zero-padded.
     */
    public static String code(byte[] key, long step, int digits, String hmacAlgorithm) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("1 to 9 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            hash = mac.doFinal(longBytes(step));
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
        int offset = hash[hash.length - 1] & 0xf;
        long binary = ((hash[offset] & 0x7fL) << 24)
                | ((hash[offset + 1] & 0xffL) << 16)
                | ((hash[offset + 2] & 0xffL) << 8)
                | (hash[offset + 3] & 0xffL);
        String code = Long.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose code {@code typed} is, among the steps around {@code now} (one each way) that come after
     * {@code lastUsedStep}; empty when none matches, the code is malformed, or it was used already. Every candidate
     * is compared in constant time.
     */
    public static OptionalLong matchingStep(TotpSecret secret, String typed, Instant now, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        String code = normalised(typed);
        if (code == null) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        long matched = Long.MIN_VALUE;
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(
                    code(secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastUsedStep && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /** Whether {@code typed} has the shape of a code (six digits, blanks allowed): else it may be a recovery code. */
    public static boolean looksLikeCode(String typed) {
        return normalised(typed) != null;
    }

    private static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replace(" ", "").replace("-", "").strip();
        if (digits.length() != DIGITS) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return digits;
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) (value & 0xff);
            value >>>= 8;
        }
        return bytes;
    }
}
