package dev.vestibule.bootstrap.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 13 finding 2: a burst of requests of a visitor who never signs in, to every kind of page a visitor
 * reaches (each one a fresh browser, as an attacker's script would be): the login-required redirect, failed
 * logins and the 429 page after them, anonymous logouts, sign-ups with errors, unknown paths, the
 * password-reset pages, refused CSRF tokens, the firewall's 400 page, the public pages.
 */
public final class AnonymousBurst {

    private AnonymousBurst() {}

    /** Sends {@code rounds} of every kind; the responses that set a session cookie (each a stored session). */
    public static List<String> run(String baseUrl, int rounds) {
        List<String> gaveASession = new ArrayList<>();
        String lockedName = "burst-" + UUID.randomUUID();
        for (int round = 0; round < rounds; round++) {
            Browser browser = new Browser(baseUrl);
            check(gaveASession, "/account/activity", browser.get("/account/activity"));
            check(gaveASession, "follow to /login", browser.get("/login?next=/account/activity"));
            String token = browser.csrfToken("/login");
            check(
                    gaveASession,
                    "failed login",
                    browser.post(
                            "/login",
                            Map.of(
                                    "_csrf",
                                    token,
                                    "username",
                                    "nobody-" + UUID.randomUUID(),
                                    "password",
                                    "wrong-password-1")));
            check(gaveASession, "login page after the failure", browser.get("/login"));
            check(
                    gaveASession,
                    "failed login, throttled soon",
                    browser.post(
                            "/login", Map.of("_csrf", token, "username", lockedName, "password", "wrong-password-1")));
            check(gaveASession, "anonymous logout", browser.post("/logout", Map.of("_csrf", token)));
            check(gaveASession, "home after logout", browser.get("/"));
            check(
                    gaveASession,
                    "sign-up with errors",
                    browser.post(
                            "/register",
                            Map.of(
                                    "_csrf",
                                    token,
                                    "username",
                                    "x",
                                    "email",
                                    "not-an-email",
                                    "password",
                                    "1",
                                    "password2",
                                    "2")));
            check(gaveASession, "unknown path", browser.get("/no/such/page-" + round));
            check(gaveASession, "password reset form", browser.get("/password-reset"));
            check(
                    gaveASession,
                    "password reset request",
                    browser.post(
                            "/password-reset",
                            Map.of("_csrf", token, "email", "nobody-" + UUID.randomUUID() + "@example.com")));
            check(gaveASession, "password reset link", browser.get("/password-reset/not-a-real-token"));
            check(
                    gaveASession,
                    "CSRF refused",
                    new Browser(baseUrl).post("/login", Map.of("username", "someone", "password", "wrong-password-1")));
            check(gaveASession, "firewall", browser.get("/top-secret/%2F%2Fevil.com"));
            check(gaveASession, "public pages", browser.get("/register"));
            check(gaveASession, "robots.txt", browser.get("/robots.txt"));
        }
        return gaveASession;
    }

    private static void check(List<String> gaveASession, String what, Page page) {
        if (page.setCookie("SESSION")
                .filter(cookie -> !cookie.contains("Max-Age=0"))
                .isPresent()) {
            gaveASession.add(what + " (" + page.status() + ")");
        }
    }
}
