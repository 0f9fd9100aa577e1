package dev.vestibule.bootstrap.operations;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.PrivatePostgres;
import dev.vestibule.bootstrap.support.PrivateRedis;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.SitePages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL or Redis going away, and coming back, under a running instance. The instance runs against
 * a PostgreSQL and a Redis of this test's own (own ports, own data directories), which it stops and
 * starts again; the machine's shared servers are never touched. While a store is down, every page that
 * needs it answers the 503 page within 2 s and readiness is DOWN (liveness stays UP: a restart would
 * not help); nothing is half-written; once the store is back, the same instance serves again by itself.
 */
class StoreOutageIT {

    private static final Duration PAGE_BUDGET = Duration.ofSeconds(2);
    private static final String USER_CACHE_ON = "vestibule_user_cache_listener_connected";
    private static final String USER_CACHE_HITS = "vestibule_user_cache_lookups_total";
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final List<String> FIGURES = new ArrayList<>();

    private static PrivatePostgres postgres;
    private static PrivateRedis redis;
    private static RunningVestibule vestibule;
    private static ManagementPort management;
    private static String sessionNamespace;

    @BeforeAll
    static void startInstanceOnPrivateStores() {
        postgres = PrivatePostgres.start();
        redis = PrivateRedis.start();
        List<String> overrides = new ArrayList<>();
        postgres.springProperties().forEach((key, value) -> overrides.add("--" + key + "=" + value));
        overrides.add("--spring.data.redis.host=127.0.0.1");
        overrides.add("--spring.data.redis.port=" + redis.port());
        vestibule = RunningVestibule.start(overrides.toArray(String[]::new));
        sessionNamespace = vestibule.bean(Environment.class).getRequiredProperty("vestibule.session.redis-namespace");
        management = new ManagementPort(vestibule.managementUrl());
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (vestibule != null) {
                vestibule.close();
            }
        } finally {
            try {
                if (redis != null) {
                    redis.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
                System.out.println("[outage figures]\n  " + String.join("\n  ", FIGURES));
            }
        }
    }

    @Test
    void redisOutageAnswersTheOutagePageThenTheInstanceRecoversByItself() {
        String username = registeredUser();
        Browser signedIn = signedInAs(username);
        HeldForm aboutToLogIn = holding("/login");
        HeldForm aboutToRegister = holding("/register");
        String wouldBeUser = uniqueUsername("never");

        redis.kill();
        try {
            assertOutagePageInTime("Redis down: GET / signed in", () -> signedIn.get("/"));
            assertOutagePageInTime("Redis down: GET /top-secret signed in", () -> signedIn.get("/top-secret"));
            assertOutagePageInTime(
                    "Redis down: POST /login",
                    () -> aboutToLogIn.submit(Map.of("username", username, "password", PASSWORD)));
            assertOutagePageInTime(
                    "Redis down: POST /register",
                    () -> aboutToRegister.submit(Map.of(
                            "username",
                            wouldBeUser,
                            "email",
                            emailOf(wouldBeUser),
                            "password",
                            PASSWORD,
                            "password2",
                            PASSWORD)));
            // A first visit needs no Redis: the CSRF token lives in a cookie, and no session exists yet.
            assertAnswersInTime("Redis down: GET / anonymous", 200, () -> new Browser(vestibule.baseUrl()).get("/"));
            assertAnswersInTime(
                    "Redis down: GET /login anonymous", 200, () -> new Browser(vestibule.baseUrl()).get("/login"));
            assertReadinessDown("Redis down", "redis");
            assertThat(sessionsGaugeWithin(Duration.ofSeconds(5), Double::isNaN))
                    .as("the sessions gauge says it does not know, rather than repeating its last count")
                    .isNaN();
        } finally {
            redis.startAgain();
        }

        awaitRecovery("Redis");
        assertThat(sessionsGaugeWithin(Duration.ofSeconds(5), count -> !Double.isNaN(count)))
                .isNotNaN();
        // Redis kept nothing (no persistence): everybody is signed out, as README says; nobody is half signed in.
        assertThat(signedIn.open("/").heading()).isEqualTo("Hello, Anonymous!");
        assertThat(postgres.queryForLong("SELECT count(*) FROM users WHERE username = ?", wouldBeUser))
                .as("a sign-up refused during the outage created no account")
                .isZero();
        assertThat(signedInAs(username).open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    /** Connected but silent: no connection error to react to, only the 1 s command timeout. */
    @Test
    void hungRedisAnswersTheOutagePageWithinTheCommandTimeoutThenTheInstanceRecoversByItself() {
        String username = registeredUser();
        Browser signedIn = signedInAs(username);
        HeldForm aboutToLogIn = holding("/login");

        redis.freeze();
        try {
            assertOutagePageInTime("Redis hung: GET / signed in", () -> signedIn.get("/"));
            assertAnswersInTime(
                    "Redis hung: GET /login anonymous", 200, () -> new Browser(vestibule.baseUrl()).get("/login"));
            assertOutagePageInTime(
                    "Redis hung: POST /login",
                    () -> aboutToLogIn.submit(Map.of("username", username, "password", PASSWORD)));
            assertReadinessDown("Redis hung", "redis");
        } finally {
            redis.thaw();
        }

        awaitRecovery("Redis (thawed)");
        // Nothing was lost this time: the same session is still signed in.
        assertThat(signedIn.open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void postgresOutageAnswersTheOutagePageThenTheInstanceRecoversByItself() {
        String username = registeredUser();
        Browser signedIn = signedInAs(username);
        HeldForm aboutToLogIn = holding("/login");
        HeldForm aboutToRegister = holding("/register");
        String wouldBeUser = uniqueUsername("never");
        Optional<String> session = signedIn.cookie("SESSION");
        long eventsBefore = postgres.queryForLong(
                "SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id WHERE u.username = ?",
                username);
        // The signed-in user is in this instance's cache: the outage pages below prove it is not served from there.
        assertThat(management.metric(USER_CACHE_ON)).isEqualTo(1.0);
        double cacheHits = management.metric(USER_CACHE_HITS, "result=\"hit\"");
        assertThat(signedIn.get("/top-secret").status()).isEqualTo(200);
        assertThat(management.metric(USER_CACHE_HITS, "result=\"hit\"")).isEqualTo(cacheHits + 1);

        postgres.stopImmediately();
        try {
            assertOutagePageInTime("PostgreSQL down: GET / signed in", () -> signedIn.get("/"));
            assertOutagePageInTime("PostgreSQL down: GET /top-secret signed in", () -> signedIn.get("/top-secret"));
            assertOutagePageInTime(
                    "PostgreSQL down: POST /login",
                    () -> aboutToLogIn.submit(Map.of("username", username, "password", PASSWORD)));
            assertOutagePageInTime(
                    "PostgreSQL down: POST /register",
                    () -> aboutToRegister.submit(Map.of(
                            "username",
                            wouldBeUser,
                            "email",
                            emailOf(wouldBeUser),
                            "password",
                            PASSWORD,
                            "password2",
                            PASSWORD)));
            // Pages that need no database keep working.
            assertAnswersInTime(
                    "PostgreSQL down: GET /login", 200, () -> new Browser(vestibule.baseUrl()).get("/login"));
            assertAnswersInTime(
                    "PostgreSQL down: GET /register", 200, () -> new Browser(vestibule.baseUrl()).get("/register"));
            assertAnswersInTime(
                    "PostgreSQL down: GET / anonymous", 200, () -> new Browser(vestibule.baseUrl()).get("/"));
            assertReadinessDown("PostgreSQL down", "r2dbc");
            assertThat(management.metric(USER_CACHE_ON))
                    .as("the user cache is off while its listener cannot listen")
                    .isEqualTo(0.0);
        } finally {
            postgres.startAgain();
        }

        awaitRecovery("PostgreSQL");
        long recovered = System.nanoTime();
        var cacheOn = Eventually.within(
                Duration.ofSeconds(5),
                recovered,
                "the user cache on again",
                () -> management.metric(USER_CACHE_ON),
                on -> on == 1.0);
        FIGURES.add("PostgreSQL back: user cache on %d ms after readiness"
                .formatted(cacheOn.after().toMillis()));
        // The session in Redis outlived the outage: the same browser is signed in again, on the same instance.
        assertThat(signedIn.cookie("SESSION"))
                .as("the outage pages left the session cookie alone")
                .isEqualTo(session);
        Page home = signedIn.open("/");
        assertThat(home.heading())
                .as(
                        "home page after the outage; the session in Redis holds %s",
                        redis.hash(sessionNamespace + ":sessions:" + session.orElseThrow()))
                .isEqualTo("Hi, " + username + "!");
        assertThat(signedIn.get("/top-secret").status()).isEqualTo(200);
        // The login refused during the outage left no session behind and no event recorded.
        assertThat(aboutToLogIn.browser().open("/").heading()).isEqualTo("Hello, Anonymous!");
        assertThat(postgres.queryForLong(
                        "SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id WHERE u.username = ?",
                        username))
                .isEqualTo(eventsBefore);
        // The refused sign-up left nothing either: the name is still free.
        Browser again = new Browser(vestibule.baseUrl());
        again.register(wouldBeUser, emailOf(wouldBeUser), PASSWORD);
        assertThat(again.open("/").heading()).isEqualTo("Hi, " + wouldBeUser + "!");
    }

    private static String registeredUser() {
        String username = uniqueUsername("outage");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    private static Browser signedInAs(String username) {
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, false);
        assertThat(browser.open("/").heading()).isEqualTo("Hi, " + username + "!");
        return browser;
    }

    /** A browser that loaded a form (and its CSRF token) while all was well, to submit it during the outage. */
    private record HeldForm(Browser browser, String path, String csrfToken) {

        Page submit(Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrfToken);
            return browser.post(path, form);
        }
    }

    private static HeldForm holding(String path) {
        Browser browser = new Browser(vestibule.baseUrl());
        return new HeldForm(browser, path, browser.csrfToken(path));
    }

    private static void assertOutagePageInTime(String what, Supplier<Page> request) {
        Page page = timed(what, request);
        SitePages.assertOutagePage(page);
    }

    private static void assertAnswersInTime(String what, int status, Supplier<Page> request) {
        Page page = timed(what, request);
        assertThat(page.status()).as(what).isEqualTo(status);
    }

    private static Page timed(String what, Supplier<Page> request) {
        long start = System.nanoTime();
        Page page = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        FIGURES.add("%s: %d in %d ms".formatted(what, page.status(), took.toMillis()));
        assertThat(took).as(what + " took " + took.toMillis() + " ms").isLessThan(PAGE_BUDGET);
        return page;
    }

    private static void assertReadinessDown(String what, String component) {
        long start = System.nanoTime();
        ManagementPort.Answer readiness = management.readiness();
        FIGURES.add("%s: readiness %d in %d ms"
                .formatted(
                        what,
                        readiness.status(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis()));
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body())
                .contains("\"status\":\"DOWN\"")
                .containsPattern("\"" + component + "\":\\{\"status\":\"DOWN\"");
        ManagementPort.Answer liveness = management.liveness();
        assertThat(liveness.status())
                .as("liveness: restarting the instance would not bring the store back")
                .isEqualTo(200);
    }

    /** Waits for readiness UP, with no help from the test: no restart, no reconnect call. */
    private static void awaitRecovery(String store) {
        long start = System.nanoTime();
        long deadline = start + RECOVERY_LIMIT.toNanos();
        while (management.readiness().status() != 200) {
            assertThat(System.nanoTime())
                    .as(store + " is back but readiness stayed DOWN")
                    .isLessThan(deadline);
            sleep();
        }
        long ready = System.nanoTime();
        Page home = new Browser(vestibule.baseUrl()).get("/login");
        FIGURES.add("%s back: readiness UP after %d ms, first page %d after %d ms"
                .formatted(
                        store,
                        Duration.ofNanos(ready - start).toMillis(),
                        home.status(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis()));
        assertThat(home.status()).isEqualTo(200);
    }

    /** The sessions gauge once it satisfies {@code wanted}, or its last value after {@code within}. */
    private static double sessionsGaugeWithin(Duration within, DoublePredicate wanted) {
        long deadline = System.nanoTime() + within.toNanos();
        double gauge = management.metric("vestibule_sessions_active");
        while (!wanted.test(gauge) && System.nanoTime() < deadline) {
            sleep();
            gauge = management.metric("vestibule_sessions_active");
        }
        return gauge;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
