package dev.vestibule.domain.model.event;

import java.util.Objects;

/**
 * Where a request came from, as far as we can tell: the client address (from forwarded headers only
 * when a trusted proxy sent them) and the browser's user agent, cut to a sane length.
 */
public record Origin(String clientAddress, String userAgent) {

    static final int MAX_CLIENT_ADDRESS = 64;
    static final int MAX_USER_AGENT = 512;
    private static final Origin UNKNOWN = new Origin("unknown", "");

    public Origin {
        clientAddress = cut(Objects.requireNonNullElse(clientAddress, "unknown"), MAX_CLIENT_ADDRESS);
        userAgent = cut(Objects.requireNonNullElse(userAgent, ""), MAX_USER_AGENT);
    }

    public static Origin unknown() {
        return UNKNOWN;
    }

    private static String cut(String text, int max) {
        String printable = text.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
