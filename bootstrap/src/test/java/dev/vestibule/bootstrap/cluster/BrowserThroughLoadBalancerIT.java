package dev.vestibule.bootstrap.cluster;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.cluster.LocalCluster.ServedRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * A real browser through the local cluster's load balancer (HAProxy, TLS, round-robin over instances that
 * share nothing but PostgreSQL and Redis, no sticky sessions): the whole Flask-Login journey works whichever
 * instance answers each request, and HAProxy's own log shows that consecutive requests went to different ones.
 */
@ExtendWith(LocalClusterExtension.class)
class BrowserThroughLoadBalancerIT {

    private final LocalCluster cluster;

    BrowserThroughLoadBalancerIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aBrowserRegistersLogsOutLogsInWithRememberMeOpensTheSecretAndLogsOutWhileRequestsAlternateBetweenInstances() {
        String username = uniqueUsername("Lb");
        int mark = cluster.logMark();
        try (HeadlessChromium browser = new HeadlessChromium(cluster.baseUrl())) {
            browser.open("/register");
            browser.fillSignUp(username);
            browser.submit("form[action='/register']");
            assertThat(browser.flashes()).containsExactly("Congratulations, you are now a registered user!");
            assertThat(browser.heading()).isEqualTo("Hi, " + username + "!");

            browser.submit("form.logout");
            assertThat(browser.flashes()).containsExactly("You have been logged out.");
            assertThat(browser.heading()).isEqualTo("Hello, Anonymous!");

            browser.open("/top-secret");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.flashes()).containsExactly("Please log in to access this page.");
            browser.fill("username", username);
            browser.fill("password", PASSWORD);
            browser.check("remember-me");
            browser.submit("form[action='/login']");
            assertThat(browser.path()).isEqualTo("/top-secret");
            assertThat(browser.flashes()).containsExactly("Welcome back, " + username + "!");
            assertThat(browser.heading()).isEqualTo("Top secret");
            assertThat(browser.signedInAs()).isEqualTo(username);

            browser.clickLink("Home");
            assertThat(browser.heading()).isEqualTo("Hi, " + username + "!");
            browser.clickLink("Top secret");
            assertThat(browser.heading()).isEqualTo("Top secret");

            browser.submit("form.logout");
            assertThat(browser.flashes()).containsExactly("You have been logged out.");
            browser.open("/top-secret");
            assertThat(browser.path()).isEqualTo("/login");
        }

        List<ServedRequest> requests = cluster.requestsSince(mark);
        Map<String, Long> perInstance = requests.stream()
                .collect(Collectors.groupingBy(ServedRequest::instance, TreeMap::new, Collectors.counting()));
        long alternations = IntStream.range(1, requests.size())
                .filter(i ->
                        !requests.get(i).instance().equals(requests.get(i - 1).instance()))
                .count();
        System.out.printf(
                "Browser journey through the load balancer: %d requests, per instance %s, "
                        + "%d of %d consecutive pairs served by different instances, failures (5xx) %d%n",
                requests.size(),
                perInstance,
                alternations,
                requests.size() - 1,
                requests.stream().filter(request -> request.status() >= 500).count());
        requests.forEach(request -> System.out.printf(
                "  %-4s %-24s %-12s %d%n", request.method(), request.path(), request.instance(), request.status()));
        assertThat(perInstance.keySet())
                .as("instances that served the journey")
                .containsExactlyElementsOf(cluster.instanceNames());
        assertThat(alternations)
                .as("consecutive requests served by different instances")
                .isGreaterThan(0);
        assertThat(requests).noneMatch(request -> request.status() >= 500);
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnEveryInstance() {
        String username = uniqueUsername("LbOut");
        LoadBalancerClient user = new LoadBalancerClient(cluster);
        user.register(username, emailOf(username), PASSWORD);
        String session = user.cookie("SESSION").orElseThrow();
        String sessionCookieName = user.cookieName("SESSION").orElseThrow();
        assertThat(secretStatusPerInstance(sessionCookieName, session).values())
                .as("status of /top-secret with the session cookie, per instance, before logout")
                .containsOnly(200);

        LoadBalancerClient.Answer logout = user.logOut();
        assertThat(logout.location()).contains("/");

        assertThat(secretStatusPerInstance(sessionCookieName, session).values())
                .as(
                        "status of /top-secret with the logged-out session cookie, per instance (logout served by %s)",
                        logout.servedBy())
                .containsOnly(302);
    }

    @Test
    void aRememberMeCookieSignsTheBrowserInOnEveryInstance() {
        String username = uniqueUsername("LbRem");
        LoadBalancerClient setup = new LoadBalancerClient(cluster);
        setup.register(username, emailOf(username), PASSWORD);
        setup.logOut();
        try (HeadlessChromium browser = new HeadlessChromium(cluster.baseUrl())) {
            browser.open("/login");
            browser.fill("username", username);
            browser.fill("password", PASSWORD);
            browser.check("remember-me");
            browser.submit("form[action='/login']");
            Cookie rememberMe = browser.cookie("remember-me");

            // A browser reopened: only the persistent cookie is left; it keeps whatever rotated value it is given.
            LoadBalancerClient reopened = new LoadBalancerClient(cluster);
            reopened.setCookie(rememberMe.getName(), rememberMe.getValue());
            Set<String> servedBy = new HashSet<>();
            for (int request = 0; request < 2 * LocalCluster.INSTANCES; request++) {
                reopened.dropCookie("SESSION");
                LoadBalancerClient.Answer secret = reopened.get("/top-secret");
                assertThat(secret.status())
                        .as("/top-secret from %s with only the remember-me cookie", secret.servedBy())
                        .isEqualTo(200);
                assertThat(secret.html().select(".current-user").text()).isEqualTo(username);
                servedBy.add(secret.servedBy());
            }
            assertThat(servedBy).containsExactlyInAnyOrderElementsOf(cluster.instanceNames());
        }
    }

    /**
     * The status of /top-secret on each instance, for fresh clients holding only the given session cookie; an
     * instance that answered differently to two of them shows -1.
     */
    private Map<String, Integer> secretStatusPerInstance(String cookieName, String session) {
        Map<String, Integer> statusPerInstance = new TreeMap<>();
        for (int request = 0; request < 2 * LocalCluster.INSTANCES; request++) {
            LoadBalancerClient replay = new LoadBalancerClient(cluster);
            replay.setCookie(cookieName, session);
            LoadBalancerClient.Answer secret = replay.get("/top-secret");
            statusPerInstance.merge(
                    secret.servedBy(), secret.status(), (earlier, later) -> earlier.equals(later) ? later : -1);
        }
        System.out.println("  /top-secret per instance: " + statusPerInstance);
        assertThat(statusPerInstance.keySet())
                .as("instances reached")
                .containsExactlyElementsOf(cluster.instanceNames());
        return statusPerInstance;
    }
}
