package dev.vestibule.adapters.web.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * Where a browser may be sent after logging in: a path on this site, never another origin. The classic
 * open-redirect tricks ("//evil.example", "/\evil.example", "https:evil", "/%2F%2Fevil", tabs and new
 * lines that browsers silently drop) all need a second slash, a backslash, a scheme or a control
 * character, in the raw value or after percent-decoding it (repeatedly, for double encoding); any of
 * them rejects the value, and so do look-alikes that Unicode compatibility normalization (NFKC) would
 * turn into one (full-width solidus). A path with non-ASCII characters, as a browser shows it
 * ("/pages/café"), is accepted percent-encoded in UTF-8, the form a Location header and a browser use
 * ("/pages/caf%C3%A9"); the same checks then apply to that form. The rule is stricter than necessary on
 * purpose: a rejected value just means landing on the home page.
 */
public final class NextPath {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_DECODING_ROUNDS = 3;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NextPath() {}

    /**
     * The value itself if it is a safe same-site path (with optional query), percent-encoded first if it
     * holds non-ASCII characters; otherwise empty.
     */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return (isPrintableAscii(raw) ? Optional.of(raw) : percentEncodedNonAscii(raw))
                .filter(candidate -> candidate.length() <= MAX_LENGTH && isRelativeReference(candidate))
                .flatMap(NextPath::sameSite);
    }

    private static Optional<String> sameSite(String raw) {
        String current = raw;
        for (int round = 0; round <= MAX_DECODING_ROUNDS; round++) {
            if (!isSameSitePath(current)) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = UriUtils.decode(current, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return Optional.empty();
            }
            if (decoded.equals(current)) {
                return Optional.of(raw);
            }
            current = decoded;
        }
        // Still changing after several rounds: nobody legitimate encodes a path four times.
        return Optional.empty();
    }

    /** The value if safe, else the home page. */
    public static String orHome(String raw) {
        return parse(raw).orElse("/");
    }

    private static boolean isSameSitePath(String candidate) {
        return looksSameSite(candidate) && looksSameSite(Normalizer.normalize(candidate, Normalizer.Form.NFKC));
    }

    private static boolean looksSameSite(String candidate) {
        return candidate.startsWith("/")
                && !candidate.contains("//")
                && candidate.indexOf('\\') < 0
                && candidate.chars().noneMatch(NextPath::isControl);
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u200b' || c == '\ufeff';
    }

    /** A Location header must parse as a URI, and this one must name neither a scheme nor a host. */
    private static boolean isRelativeReference(String raw) {
        try {
            URI uri = new URI(raw);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /**
     * The value with its non-ASCII characters percent-encoded in UTF-8, as a browser sends them; empty if
     * any of them is not a visible character of its own (controls, spaces, invisible formatting, private
     * use, lone surrogates) or is a compatibility form of another character (full-width letters).
     */
    private static Optional<String> percentEncodedNonAscii(String raw) {
        if (!Normalizer.normalize(raw, Normalizer.Form.NFKC).equals(Normalizer.normalize(raw, Normalizer.Form.NFC))) {
            return Optional.empty();
        }
        StringBuilder encoded = new StringBuilder(raw.length() * 3);
        for (int codePoint : raw.codePoints().toArray()) {
            if (codePoint > 0x20 && codePoint < 0x7f) {
                encoded.append((char) codePoint);
            } else if (codePoint >= 0x80 && isVisible(codePoint)) {
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(encoded.toString());
    }

    private static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static boolean isPrintableAscii(String raw) {
        return raw.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
