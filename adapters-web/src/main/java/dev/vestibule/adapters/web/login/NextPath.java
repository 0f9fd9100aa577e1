package dev.vestibule.adapters.web.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * Where a browser may be sent after logging in: a path on this site, never another origin. The classic
 * open-redirect tricks ("//evil.example", "/\evil.example", "https:evil", "/%2F%2Fevil", tabs and new
 * lines that browsers silently drop) all need a second slash, a backslash, a scheme or a control
 * character, in the raw value or after percent-decoding it (repeatedly, for double encoding); any of
 * them rejects the value. The rule is stricter than necessary on purpose: a rejected value just means
 * landing on the home page.
 */
public final class NextPath {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_DECODING_ROUNDS = 3;

    private NextPath() {
    }

    /** The value itself if it is a safe same-site path (with optional query), otherwise empty. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || !isPrintableAscii(raw)
                || !isRelativeReference(raw)) {
            return Optional.empty();
        }
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

    private static boolean isPrintableAscii(String raw) {
        return raw.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
