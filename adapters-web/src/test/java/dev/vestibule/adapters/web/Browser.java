package dev.vestibule.adapters.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser with a cookie jar over {@link WebTestClient}, which keeps none: each response's Set-Cookie
 * headers are applied in order (Max-Age=0 deletes), and every request carries what is left. URIs are
 * sent exactly as given, never treated as templates or encoded again. Redirects are not followed.
 */
public final class Browser {

    /** What a browser asks for when it follows a link, so that error pages come back as HTML. */
    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final WebTestClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String acceptLanguage;

    public Browser(WebTestClient client) {
        this(client, null);
    }

    private Browser(WebTestClient client, String acceptLanguage) {
        this.client = client;
        this.acceptLanguage = acceptLanguage;
    }

    /** A browser whose every request asks for these languages (an Accept-Language value, "de" or "de-AT,en;q=0.5"). */
    public static Browser speaking(WebTestClient client, String acceptLanguage) {
        return new Browser(client, acceptLanguage);
    }

    public Page get(String uri) {
        return exchange(client.get().uri(URI.create(uri)));
    }

    /** Posts a form; entries with a null value are left out, as a browser leaves out an absent field. */
    public Page post(String uri, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                form.add(name, value);
            }
        });
        return exchange(client.post()
                .uri(URI.create(uri))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)));
    }

    /** Posts a form body exactly as given, for bodies no browser would encode that way. */
    public Page postRaw(String uri, String urlEncodedBody) {
        return exchange(client.post()
                .uri(URI.create(uri))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(urlEncodedBody));
    }

    /** Posts a body exactly as given, with whatever Content-Type a client claims. */
    public Page postAs(String uri, MediaType contentType, String body) {
        return exchange(
                client.post().uri(URI.create(uri)).contentType(contentType).bodyValue(body));
    }

    // issue 14: passkey
    /** Posts JSON as the passkey script does: the page's CSRF token in the X-CSRF-TOKEN header. */
    public Page postJson(String uri, String csrfToken, String json) {
        var request = client.post().uri(URI.create(uri)).contentType(MediaType.APPLICATION_JSON);
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return exchange(request.bodyValue(json));
    }

    /** GETs the Location of a redirect. */
    public Page follow(Page redirect) {
        return get(redirect.location());
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** Forgets a cookie, as closing the browser forgets a session cookie. */
    public void dropCookie(String name) {
        cookies.remove(name);
    }

    /**
     * Opens /login, then posts the form with the token it rendered; {@code next}, if given, is sent as is
     * in the form (whatever the page made of it), as a hand-made or replayed request would.
     */
    public Page logIn(String login, String password, boolean rememberMe, String next) {
        Page form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.csrfToken());
        fields.put("username", login);
        fields.put("password", password);
        fields.put("remember-me", rememberMe ? "on" : null);
        fields.put("next", next);
        return post("/login", fields);
    }

    public Page logIn(TestUsers.TestUser user) {
        return logIn(user.username(), user.password(), false, null);
    }

    /** Logs in and opens the page the login sent the browser to, which shows (and so uses up) the greeting. */
    public Page logInAndLand(TestUsers.TestUser user) {
        return follow(logIn(user));
    }

    /** Presses the Log Out button of the home page's navigation. */
    public Page logOut() {
        Page home = get("/");
        return post("/logout", Map.of("_csrf", home.csrfToken()));
    }

    private Page exchange(WebTestClient.RequestHeadersSpec<?> request) {
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        EntityExchangeResult<String> result = request.header(HttpHeaders.ACCEPT, ACCEPT_HTML)
                .cookies(jar -> cookies.forEach(jar::add))
                .exchange()
                .expectBody(String.class)
                .returnResult();
        result.getResponseCookies().forEach((name, set) -> set.forEach(this::apply));
        return new Page(
                result.getStatus(), result.getResponseHeaders(), result.getResponseCookies(), result.getResponseBody());
    }

    private void apply(ResponseCookie cookie) {
        if (cookie.getMaxAge().isZero()) {
            cookies.remove(cookie.getName());
        } else {
            cookies.put(cookie.getName(), cookie.getValue());
        }
    }
}
