package dev.vestibule.domain.model.passkey;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who the passkeys belong to: the relying-party id (the public URL's host; a passkey works on that host and its
 * subdomains only), the name authenticators show, and the one origin whose ceremonies are accepted (the public URL's
 * scheme, host and port). Derived from the public URL, never from a request, so a forged Host header changes nothing.
 */
public record RelyingParty(String id, String name, Set<String> origins) {

    public RelyingParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        origins = Set.copyOf(origins);
        if (id.isBlank() || origins.isEmpty()) {
            throw new IllegalArgumentException("a relying party has an id and at least one origin");
        }
    }

    /** The relying party of a site reached at {@code publicUrl} (for example https://login.example.com/). */
    public static RelyingParty forPublicUrl(String publicUrl, String name) {
        URI url;
        try {
            url = new URI(Objects.requireNonNull(publicUrl, "publicUrl").strip());
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("the public URL is not a URL: " + publicUrl, malformed);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
            throw new IllegalArgumentException("the public URL needs http(s) and a host: " + publicUrl);
        }
        int port = url.getPort();
        boolean defaultPort =
                port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String origin = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        return new RelyingParty(host, name, Set.of(origin));
    }
}
