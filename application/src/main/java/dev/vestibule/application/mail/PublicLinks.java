package dev.vestibule.application.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Builds the links that mails carry from the site's public address ({@code vestibule.public-url}), never from a
 * request's {@code Host} or forwarded headers: a poisoned header must not send a user's token elsewhere.
 */
public final class PublicLinks {

    private final String base;

    public PublicLinks(String publicUrl) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        URI uri;
        try {
            uri = new URI(publicUrl);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("the public URL is not a URL: " + publicUrl, malformed);
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("the public URL must be an absolute http(s) URL, was " + publicUrl);
        }
        this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The absolute link to {@code path} (which starts with "/"). */
    public String to(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /");
        }
        return base + path;
    }
}
