package dev.vestibule.adapters.web.edge;

import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A request's path as the logs may show it: without its query string (it may carry tokens), cut to a sane
 * length, and with the token of a mailed link ({@code /password-reset/<token>}, {@code /email-confirmation/<token>})
 * replaced by {@value #MASK}: whoever reads the logs must not be able to open the link.
 */
public final class LoggedPaths {

    /** What a link's token is logged as. */
    public static final String MASK = "<token>";

    /** Longer paths are cut here: the log is no place for a megabyte of URL. */
    static final int MAX_PATH_LENGTH = 256;

    /** The paths whose next segment is a token. */
    static final List<String> TOKEN_PATHS = List.of("/password-reset/", "/email-confirmation/");

    private LoggedPaths() {}

    /** Whether the path carries a mailed link's token. */
    public static boolean carriesToken(ServerHttpRequest request) {
        String path = request.getURI().getRawPath();
        return path != null && !masked(path).equals(path);
    }

    public static String of(ServerHttpRequest request) {
        return of(request.getURI().getRawPath());
    }

    public static String of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = masked(rawPath);
        return path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) + "..." : path;
    }

    private static String masked(String path) {
        // Compared ignoring case, and on the raw path: a token is masked however the prefix was written.
        for (String prefix : TOKEN_PATHS) {
            if (path.regionMatches(true, 0, prefix, 0, prefix.length()) && path.length() > prefix.length()) {
                int end = path.indexOf('/', prefix.length());
                return path.substring(0, prefix.length()) + MASK + (end < 0 ? "" : path.substring(end));
            }
        }
        return path;
    }
}
