package dev.vestibule.bootstrap.cluster;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The test {@link Browser} in front of the load balancer: HTTPS that trusts exactly the certificate the cluster
 * generated, and each answer with the instance that gave it (HAProxy's {@code X-Served-By}) and how long it took.
 * Cookie names are matched by suffix: behind a proxy whose forwarded headers the instances trust, they carry the
 * {@code __Host-} prefix.
 */
final class LoadBalancerClient {

    private final Browser browser;

    LoadBalancerClient(LocalCluster cluster) {
        this.browser = new Browser(cluster.baseUrl(), trusting(cluster.certificate()));
    }

    /** One answer, with the instance that served it. */
    record Answer(int status, String servedBy, Optional<String> location, String body, Duration took) {

        Document html() {
            return Jsoup.parse(body);
        }

        boolean isRedirectToLogin() {
            return status / 100 == 3
                    && location.filter(target -> target.contains("/login")).isPresent();
        }
    }

    Answer get(String path) {
        return timed(() -> browser.get(path));
    }

    /** GET, following redirects as a browser does. */
    Answer open(String path) {
        return timed(() -> browser.open(path));
    }

    Answer register(String username, String email, String password) {
        return timed(() -> browser.register(username, email, password));
    }

    Answer logIn(String username, String password, boolean rememberMe) {
        return timed(() -> browser.logIn(username, password, rememberMe));
    }

    Answer logOut() {
        return timed(browser::logOut);
    }

    /** The value of our cookie whose name ends with {@code baseName} ("SESSION", "remember-me"). */
    Optional<String> cookie(String baseName) {
        return cookieName(baseName).flatMap(browser::cookie);
    }

    /** The full name of our cookie whose name ends with {@code baseName}. */
    Optional<String> cookieName(String baseName) {
        return browser.cookieNames().stream()
                .filter(name -> name.endsWith(baseName))
                .findFirst();
    }

    /** What closing the browser does to the session cookie. */
    void dropCookie(String baseName) {
        browser.cookieNames().stream().filter(name -> name.endsWith(baseName)).forEach(browser::dropCookie);
    }

    /** Plants a copy of a cookie another browser held, under the name it had there. */
    void setCookie(String name, String value) {
        browser.setCookie(name, value);
    }

    private static Answer timed(Supplier<Page> request) {
        long started = System.nanoTime();
        Page page = request.get();
        return new Answer(
                page.status(),
                page.headers().firstValue("X-Served-By").orElse("?"),
                page.location(),
                page.body(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static SSLContext trusting(Path certificate) {
        try (InputStream pem = Files.newInputStream(certificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "local-cluster", CertificateFactory.getInstance("X.509").generateCertificate(pem));
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
