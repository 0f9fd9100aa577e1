package dev.vestibule.domain.model.rememberme;

import dev.vestibule.domain.model.digest.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a remembered browser holds: a series, fixed for the device, and a secret that changes on every
 * use (the "improved persistent login cookie" of Barry Jaspan). Only a hash of the secret is stored,
 * so a leaked table signs nobody in.
 */
public record RememberMeToken(String series, String secret) {

    private static final int RANDOM_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final char SEPARATOR = ':';

    public RememberMeToken {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(secret, "secret");
        if (series.isBlank() || secret.isBlank() || series.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("malformed remember-me token");
        }
    }

    /** A brand-new series and secret, 256 random bits each. */
    public static RememberMeToken generate(SecureRandom random) {
        return new RememberMeToken(randomValue(random), randomValue(random));
    }

    /** The same series with a fresh secret: what a device gets each time it is recognized. */
    public RememberMeToken rotate(SecureRandom random) {
        return new RememberMeToken(series, randomValue(random));
    }

    /** The cookie form, "series:secret"; both parts are base64url, so the value needs no quoting. */
    public String encode() {
        return series + SEPARATOR + secret;
    }

    /** Reads the cookie form; anything malformed is simply not a token. */
    public static Optional<RememberMeToken> decode(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 200) {
            return Optional.empty();
        }
        int separator = cookieValue.indexOf(SEPARATOR);
        if (separator <= 0
                || separator == cookieValue.length() - 1
                || cookieValue.indexOf(SEPARATOR, separator + 1) >= 0
                || !isBase64Url(cookieValue.substring(0, separator))
                || !isBase64Url(cookieValue.substring(separator + 1))) {
            return Optional.empty();
        }
        return Optional.of(
                new RememberMeToken(cookieValue.substring(0, separator), cookieValue.substring(separator + 1)));
    }

    /** SHA-256 of the secret: the secret is random and long, so a slow hash would add cost and no safety. */
    public String secretHash() {
        return Sha256.base64Url(secret);
    }

    private static String randomValue(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    private static boolean isBase64Url(String text) {
        return text.chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_');
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "RememberMeToken[series=" + series.substring(0, Math.min(6, series.length())) + "…]";
    }
}
