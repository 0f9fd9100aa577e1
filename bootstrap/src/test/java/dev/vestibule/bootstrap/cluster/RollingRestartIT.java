package dev.vestibule.bootstrap.cluster;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every instance restarted, one at a time ({@code deploy/local/cluster rolling-restart}), while a signed-in user
 * keeps browsing: each stopping instance reports readiness DOWN, HAProxy's readiness checks take it out, it
 * drains and finishes its requests, so the user sees neither an error nor a logout.
 */
@ExtendWith(LocalClusterExtension.class)
class RollingRestartIT {

    private static final List<String> PAGES = List.of("/", "/top-secret", "/account/activity");

    @Test
    void aSignedInUserBrowsingThroughARollingRestartIsNeverLoggedOutAndNeverSeesAnError(LocalCluster cluster)
            throws Exception {
        String username = uniqueUsername("Roll");
        LoadBalancerClient user = new LoadBalancerClient(cluster);
        assertThat(user.register(username, emailOf(username), PASSWORD).status())
                .isBetween(300, 399);
        // Signed in by the session alone (no remember-me), so a lost session would show as a logout.
        assertThat(user.cookie("remember-me")).isEmpty();
        List<Long> pidsBefore = pids(cluster);

        int requests = 0;
        int serverErrors = 0;
        int transportFailures = 0;
        int forcedLogouts = 0;
        Duration longest = Duration.ZERO;
        Map<String, Integer> servedBy = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int mark = cluster.logMark();
        long started = System.nanoTime();
        Process rollingRestart = cluster.startRollingRestart();
        while (rollingRestart.isAlive()) {
            String page = PAGES.get(requests % PAGES.size());
            requests++;
            try {
                LoadBalancerClient.Answer answer = user.get(page);
                longest = answer.took().compareTo(longest) > 0 ? answer.took() : longest;
                servedBy.merge(answer.servedBy(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    serverErrors++;
                    problems.add(page + " -> " + answer.status() + " from " + answer.servedBy());
                } else if (answer.isRedirectToLogin()
                        || !answer.html().select(".current-user").text().equals(username)) {
                    forcedLogouts++;
                    problems.add(page + " -> " + answer.status() + " signed out, from " + answer.servedBy());
                }
            } catch (UncheckedIOException failure) {
                transportFailures++;
                problems.add(page + " -> " + failure.getCause());
            }
            Thread.sleep(20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        rollingRestart.waitFor(1, TimeUnit.MINUTES);
        long retried = cluster.requestsSince(mark).stream()
                .filter(LocalCluster.ServedRequest::retried)
                .count();

        System.out.printf(
                "Rolling restart of %d instances in %.1f s while browsing signed in: %d requests, "
                        + "5xx %d, other failures %d, forced logouts %d, longest request %d ms, requests HAProxy had to "
                        + "retry %d, served by %s%n",
                LocalCluster.INSTANCES,
                took.toMillis() / 1000.0,
                requests,
                serverErrors,
                transportFailures,
                forcedLogouts,
                longest.toMillis(),
                retried,
                servedBy);
        problems.forEach(problem -> System.out.println("  " + problem));
        assertThat(rollingRestart.exitValue())
                .as("deploy/local/cluster rolling-restart exit status")
                .isZero();
        assertThat(pids(cluster)).as("instance pids after the rolling restart").doesNotContainAnyElementsOf(pidsBefore);
        assertThat(serverErrors).as("5xx answers").isZero();
        assertThat(transportFailures).as("requests that got no answer").isZero();
        assertThat(forcedLogouts).as("forced logouts").isZero();
        // HAProxy's retries would hide a stopping instance that refused or dropped requests: none may have.
        assertThat(retried)
                .as("requests HAProxy had to retry because an instance could not take them")
                .isZero();
        assertThat(servedBy.keySet()).containsExactlyElementsOf(cluster.instanceNames());
    }

    private static List<Long> pids(LocalCluster cluster) {
        List<Long> pids = new ArrayList<>();
        for (int instance = 1; instance <= LocalCluster.INSTANCES; instance++) {
            pids.add(cluster.pid(instance));
        }
        return pids;
    }
}
