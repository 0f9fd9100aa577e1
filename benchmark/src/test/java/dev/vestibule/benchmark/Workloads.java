package dev.vestibule.benchmark;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The requests the workloads are made of, named as they appear in the reports. Every check is strict: a
 * redirect to the login page, a missing token or an error page counts as an error, never as a fast answer.
 */
final class Workloads {

    static final String CEILING = "ceiling";
    static final String PAGE_VIEW = "page view";
    static final String LOGIN_PAGE = "login page";
    static final String LOGIN = "login";

    private Workloads() {}

    /** A browser-like client of one base URL that looks at every redirect instead of following it. */
    static HttpProtocolBuilder protocol(BenchmarkSettings settings) {
        return http.baseUrl(settings.baseUrl())
                .acceptHeader("text/html,application/xhtml+xml")
                .acceptLanguageHeader("en")
                .userAgentHeader("vestibule-benchmark (Gatling)")
                .disableFollowRedirect()
                // Gatling would otherwise warm up by calling gatling.io; the benchmark only talks to the service.
                .disableWarmUp();
    }

    /** The cheapest endpoint of the build: no security, no session. */
    static ChainBuilder ceiling() {
        return exec(http(CEILING)
                .get("/ceiling")
                .check(status().is(200), bodyString().is("ok")));
    }

    /** Puts the feeder's signed-in session cookie into the virtual user's cookie jar. */
    static ChainBuilder signedIn() {
        return exec(addCookie(Cookie(Accounts.SESSION_COOKIE, "#{sessionCookie}")));
    }

    /** A signed-in page view: the session is loaded from Redis and the user from PostgreSQL. */
    static ChainBuilder pageView() {
        return exec(http(PAGE_VIEW).get("/top-secret").check(status().is(200), substring("Welcome in, ")));
    }

    /** A first visit to the login page: no cookie, so a new session holds the form's CSRF token. */
    static ChainBuilder anonymousLoginPage() {
        return exec(flushCookieJar())
                .exec(http(LOGIN_PAGE)
                        .get("/login")
                        .check(
                                status().is(200),
                                css("form[action='/login'] input[name='_csrf']", "value")
                                        .saveAs("csrf")));
    }

    /** A full login of the next account: the login page for the CSRF token, then the form. */
    static ChainBuilder fullLoginOf(Iterator<Map<String, Object>> accounts) {
        return feed(accounts)
                .exec(anonymousLoginPage())
                .exec(http(LOGIN)
                        .post("/login")
                        .formParam("_csrf", "#{csrf}")
                        .formParam("username", "#{username}")
                        .formParam("password", Accounts.PASSWORD)
                        .check(status().is(302), header("Location").is("/")));
    }

    /** Hands out the accounts in turn, forever; the list is read at the first call (after the setup phase). */
    static Iterator<Map<String, Object>> takingTurns(Supplier<List<Accounts.Account>> accounts) {
        AtomicInteger next = new AtomicInteger();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                List<Accounts.Account> all = accounts.get();
                return all.get(Math.floorMod(next.getAndIncrement(), all.size()))
                        .asFeederRecord();
            }
        };
    }
}
