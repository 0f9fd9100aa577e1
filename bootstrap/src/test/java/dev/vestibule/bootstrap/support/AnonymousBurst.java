package dev.vestibule.bootstrap.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 13 finding 2: a burst of requests of visitors who never sign in, to every kind of page a visitor
 * reaches: the login-required redirect, failed logins and the 429 page after them, anonymous logouts,
 * sign-ups with errors, unknown paths, the password-reset pages, refused CSRF tokens, the firewall's 400 page,
 * the public pages. Every request comes from a browser of its own, as an attacker's script would send it (a
 * form posts the CSRF token that browser read from the login page), so that no kind of page hides behind a
 * session another request already made.
 */
public final class AnonymousBurst {

    /** Requests per round. */
    public static final int KINDS = 16;

    private AnonymousBurst() {}

    /** Sends {@code rounds} of every kind; the responses that set a session cookie (each a stored session). */
    public static List<String> run(String baseUrl, int rounds) {
        List<String> gaveASession = new ArrayList<>();
        String lockedName = "burst-" + UUID.randomUUID();
        for (int round = 0; round < rounds; round++) {
            String unknown = "nobody-" + UUID.randomUUID();
            check(gaveASession, "login required", get(baseUrl, "/account/activity"));
            check(gaveASession, "login page", get(baseUrl, "/login?next=/account/activity"));
            check(
                    gaveASession,
                    "failed login",
                    post(baseUrl, "/login", Map.of("username", unknown, "password", "wrong-1")));
            check(
                    gaveASession,
                    "failed login, soon throttled (429)",
                    post(baseUrl, "/login", Map.of("username", lockedName, "password", "wrong-1")));
            check(gaveASession, "anonymous logout", post(baseUrl, "/logout", Map.of()));
            check(gaveASession, "home", get(baseUrl, "/"));
            check(
                    gaveASession,
                    "sign-up with errors",
                    post(
                            baseUrl,
                            "/register",
                            Map.of("username", "x", "email", "not-an-email", "password", "1", "password2", "2")));
            check(gaveASession, "sign-up form", get(baseUrl, "/register"));
            check(gaveASession, "unknown path", get(baseUrl, "/no/such/page-" + round));
            check(gaveASession, "password reset form", get(baseUrl, "/password-reset"));
            check(
                    gaveASession,
                    "password reset request",
                    post(baseUrl, "/password-reset", Map.of("email", unknown + "@example.com")));
            check(gaveASession, "password reset link", get(baseUrl, "/password-reset/not-a-real-token"));
            check(
                    gaveASession,
                    "CSRF refused (403)",
                    new Browser(baseUrl).post("/login", Map.of("username", unknown, "password", "wrong-1")));
            check(gaveASession, "firewall (400)", get(baseUrl, "/top-secret/%2F%2Fevil.com"));
            check(gaveASession, "robots.txt", get(baseUrl, "/robots.txt"));
            check(gaveASession, "email confirmation link", get(baseUrl, "/email-confirmation/not-a-real-token"));
        }
        return gaveASession;
    }

    private static Page get(String baseUrl, String path) {
        return new Browser(baseUrl).get(path);
    }

    /** A fresh browser posts the form with the CSRF token it got from the login page (which stores nothing). */
    private static Page post(String baseUrl, String path, Map<String, String> fields) {
        Browser browser = new Browser(baseUrl);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", browser.csrfToken("/login"));
        return browser.post(path, form);
    }

    private static void check(List<String> gaveASession, String what, Page page) {
        if (page.setCookie("SESSION")
                .filter(cookie -> !cookie.contains("Max-Age=0"))
                .isPresent()) {
            gaveASession.add(what + " (" + page.status() + ")");
        }
    }
}
