package dev.vestibule.bootstrap.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A scripted browser for the load balancer: HTTPS that trusts exactly the certificate the cluster generated,
 * cookies kept like a browser keeps them, forms submitted with their CSRF token, redirects followed one hop at
 * a time so each answer (and the instance that gave it, from HAProxy's {@code X-Served-By}) can be looked at.
 * Cookie names are matched by suffix: behind a proxy whose forwarded headers the instances trust, they carry
 * the {@code __Host-} prefix.
 */
final class LoadBalancerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    LoadBalancerClient(LocalCluster cluster) {
        this.baseUrl = cluster.baseUrl();
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(cluster.certificate()))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** One answer, with the instance that served it. */
    record Answer(int status, String servedBy, Optional<String> location, String body, Duration took) {

        Document html() {
            return Jsoup.parse(body);
        }

        boolean isRedirectToLogin() {
            return status / 100 == 3 && location.filter(target -> target.contains("/login")).isPresent();
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** GET, following redirects as a browser does. */
    Answer open(String path) {
        Answer answer = get(path);
        for (int hops = 0; answer.status() / 100 == 3 && hops < 5; hops++) {
            answer = get(answer.location().orElseThrow());
        }
        return answer;
    }

    /** Opens {@code pagePath} and submits its form for {@code action} with the hidden fields it carries and {@code fields}. */
    Answer submit(String pagePath, String action, Map<String, String> fields) {
        Answer page = open(pagePath);
        Element form = page.html().selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no form posting to " + action + " on " + pagePath + " (status " + page.status() + ")");
        }
        Map<String, String> posted = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> posted.put(input.attr("name"), input.attr("value")));
        posted.putAll(fields);
        return post(action, posted);
    }

    Answer register(String username, String email, String password) {
        return submit("/register", "/register", Map.of("username", username, "email", email,
                "password", password, "password2", password));
    }

    Answer logIn(String username, String password, boolean rememberMe) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("username", username, "password", password));
        if (rememberMe) {
            fields.put("remember-me", "on");
        }
        return submit("/login", "/login", fields);
    }

    Answer logOut() {
        return submit("/", "/logout", Map.of());
    }

    /** The value of our cookie whose name ends with {@code baseName} ("SESSION", "remember-me"). */
    Optional<String> cookie(String baseName) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(baseName))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The full name of our cookie whose name ends with {@code baseName}. */
    Optional<String> cookieName(String baseName) {
        return cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::getName)
                .filter(name -> name.endsWith(baseName))
                .findFirst();
    }

    /** What closing the browser does to the session cookie. */
    void dropCookie(String baseName) {
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith(baseName))
                .toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    /** Plants a copy of a cookie another browser held, under the name it had there. */
    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookie.setSecure(true);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("X-Served-By").orElse("?"),
                    response.headers().firstValue("Location"), response.body(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
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

    private static SSLContext trusting(Path certificate) {
        try (InputStream pem = Files.newInputStream(certificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("local-cluster", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
