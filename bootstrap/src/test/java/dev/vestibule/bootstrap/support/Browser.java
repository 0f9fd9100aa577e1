package dev.vestibule.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.nodes.Element;

/**
 * A cookie-keeping HTTP client that behaves like a browser where the tests need it to: it keeps and
 * sends cookies (shared across ports of one host, as browsers do, so it can hop between instances
 * like a load balancer would send it), submits forms with the CSRF token the page carried, and
 * follows redirects only when asked, so tests can look at each hop.
 */
public final class Browser {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, String> proxyHeaders = new LinkedHashMap<>();
    private final HttpClient http;
    private String baseUrl;

    public Browser(String baseUrl) {
        this(baseUrl, null);
    }

    /** A browser of an HTTPS deployment that trusts what {@code tls} trusts (a test certificate), or plain HTTP when null. */
    public Browser(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl;
        HttpClient.Builder client = HttpClient.newBuilder()
                .cookieHandler(new CookieHandler() {
                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
                            throws IOException {
                        return cookies.get(asTheBrowserSeesIt(uri), headers);
                    }

                    @Override
                    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                        cookies.put(asTheBrowserSeesIt(uri), headers);
                    }
                })
                // Browsers never attempt h2c on plain http, and the JDK client's upgrade attempt is noise here.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT);
        if (tls != null) {
            client.sslContext(tls);
        }
        this.http = client.build();
    }

    /** From now on, talk to another instance of the same deployment (cookies are kept). */
    public Browser switchTo(String otherBaseUrl) {
        this.baseUrl = otherBaseUrl;
        return this;
    }

    /**
     * From now on, every request carries these headers, as a proxy in front of the service would add them.
     * With {@code X-Forwarded-Proto: https} the cookie jar behaves as the browser behind a TLS-terminating
     * proxy does: it sees an https origin, so it keeps and sends Secure cookies.
     */
    public Browser throughProxy(Map<String, String> headers) {
        proxyHeaders.clear();
        proxyHeaders.putAll(headers);
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET with one extra request header. */
    public Page getWithHeader(String path, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(name, value).GET());
    }

    /** GET, then follow redirects as a browser does. */
    public Page open(String path) {
        Page page = get(path);
        for (int hops = 0; page.isRedirect() && hops < 5; hops++) {
            page = get(page.location().orElseThrow());
        }
        return page;
    }

    /** Follows the redirect a response asked for. */
    public Page follow(Page redirect) {
        return open(redirect.location().orElseThrow(() -> new AssertionError("not a redirect: " + redirect.status())));
    }

    /** Posts a form exactly as given: no CSRF token is added. */
    public Page post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    // issue 14: passkey
    /** Posts JSON as the passkey script does, with the page's CSRF token in the X-CSRF-TOKEN header. */
    public Page postJson(String path, String csrfToken, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a body as it is, for malformed requests. */
    public Page postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts bytes as they are, with {@code contentType} as the Content-Type header, or none when null; with
     * {@code chunked}, the length is not announced and the body goes out in chunked transfer encoding.
     */
    public Page postBytes(String path, String contentType, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** The CSRF token of the first form on {@code pagePath}, as a browser holding that page would send it. */
    public String csrfToken(String pagePath) {
        Element token = open(pagePath).html().selectFirst("input[name=_csrf]");
        if (token == null) {
            throw new AssertionError("no CSRF token on " + pagePath);
        }
        return token.attr("value");
    }

    /** Opens {@code pagePath}, then submits its form for {@code action} with the page's CSRF token and {@code fields}. */
    public Page submit(String pagePath, String action, Map<String, String> fields) {
        Page page = open(pagePath);
        Element form = page.html().selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no form posting to " + action + " on " + pagePath + ":\n" + page.body());
        }
        Map<String, String> posted = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> posted.put(input.attr("name"), input.attr("value")));
        posted.putAll(fields);
        return post(action, posted);
    }

    public Page register(String username, String email, String password) {
        return submit(
                "/register",
                "/register",
                Map.of("username", username, "email", email, "password", password, "password2", password));
    }

    public Page logIn(String login, String password, boolean rememberMe) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("username", login, "password", password));
        if (rememberMe) {
            fields.put("remember-me", "on");
        }
        return submit("/login", "/login", fields);
    }

    /** Logs out through the navigation's form, as a person would click "Log Out". */
    public Page logOut() {
        return submit("/", "/logout", Map.of());
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The names of the cookies this browser holds. */
    public List<String> cookieNames() {
        return cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::getName)
                .toList();
    }

    /** What closing the browser does to a session cookie. */
    public void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    /** Plants a cookie, e.g. a copy an attacker stole earlier. */
    public void setCookie(String name, String value) {
        dropCookie(name);
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private Page send(HttpRequest.Builder request) {
        proxyHeaders.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(TIMEOUT).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private URI asTheBrowserSeesIt(URI uri) {
        if (!"https".equalsIgnoreCase(proxyHeaders.get("X-Forwarded-Proto"))) {
            return uri;
        }
        return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : baseUrl + path);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
