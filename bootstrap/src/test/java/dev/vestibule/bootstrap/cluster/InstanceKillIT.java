package dev.vestibule.bootstrap.cluster;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.cluster.LocalCluster.ServedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance dies (kill -9: no drain, no goodbye) in the middle of a browser's journey: the user stays signed
 * in and loses nothing, because the session lives in Redis and HAProxy sends the requests the dead instance
 * can no longer take to the others.
 */
@ExtendWith(LocalClusterExtension.class)
class InstanceKillIT {

    @Test
    void whenTheInstanceThatServedTheBrowserIsKilledTheUserStaysSignedInAndTheJourneyGoesOn(LocalCluster cluster) {
        String username = uniqueUsername("Kill");
        int victim = 0;
        try (HeadlessChromium browser = new HeadlessChromium(cluster.baseUrl())) {
            browser.open("/register");
            browser.fillSignUp(username);
            int mark = cluster.logMark();
            browser.submit("form[action='/register']");
            // The flash of the sign-up is queued by the instance that took the POST: kill exactly that one.
            List<ServedRequest> signUp = cluster.requestsSince(mark).stream()
                    .filter(request -> request.method().equals("POST"))
                    .toList();
            assertThat(signUp).hasSize(1);
            victim = cluster.instanceNumber(signUp.get(0).instance());
            assertThat(browser.flashes()).containsExactly("Congratulations, you are now a registered user!");

            int afterKill = cluster.logMark();
            long killedAt = System.nanoTime();
            cluster.kill(victim);

            browser.open("/top-secret");
            Duration firstPageAfterKill = Duration.ofNanos(System.nanoTime() - killedAt);
            int pages = 1;
            int forcedLogouts = browser.path().equals("/login") ? 1 : 0;
            assertThat(browser.heading())
                    .as("the first page after instance %d died", victim)
                    .isEqualTo("Top secret");
            assertThat(browser.signedInAs()).isEqualTo(username);
            for (String link : List.of("Home", "Account", "Top secret", "Home", "Top secret", "Account")) {
                browser.clickLink(link);
                pages++;
                if (browser.path().equals("/login") || !browser.signedInAs().equals(username)) {
                    forcedLogouts++;
                }
            }
            browser.submit("form.logout");
            pages++;
            assertThat(browser.flashes()).containsExactly("You have been logged out.");
            browser.open("/login");
            browser.fill("username", username);
            browser.fill("password", PASSWORD);
            browser.submit("form[action='/login']");
            pages += 2;
            assertThat(browser.flashes()).containsExactly("Welcome back, " + username + "!");

            List<ServedRequest> requestsAfterKill = cluster.requestsSince(afterKill);
            long failures = requestsAfterKill.stream()
                    .filter(request -> request.status() >= 500)
                    .count();
            long retried =
                    requestsAfterKill.stream().filter(ServedRequest::retried).count();
            String victimName = cluster.instanceName(victim);
            long servedByVictim = requestsAfterKill.stream()
                    .filter(request -> request.instance().equals(victimName))
                    .count();

            long restartStarted = System.nanoTime();
            cluster.restart(victim);
            Duration backInService = Duration.ofNanos(System.nanoTime() - restartStarted);

            System.out.printf(
                    "Instance kill: killed %s (kill -9) after it served the sign-up; %d pages, %d requests "
                            + "through the load balancer afterwards, failures (5xx) %d, forced logouts %d, served by the "
                            + "dead instance %d, sent again by HAProxy after reaching the dead one %d; recovery: first page after the kill in %d ms, killed instance back in "
                            + "the load balancer %.1f s after its restart began%n",
                    cluster.instanceName(victim),
                    pages,
                    requestsAfterKill.size(),
                    failures,
                    forcedLogouts,
                    servedByVictim,
                    retried,
                    firstPageAfterKill.toMillis(),
                    backInService.toMillis() / 1000.0);
            assertThat(forcedLogouts).as("forced logouts").isZero();
            assertThat(failures).as("requests failed with 5xx").isZero();
            assertThat(servedByVictim)
                    .as("requests answered by the dead instance")
                    .isZero();
        } finally {
            if (victim != 0) {
                cluster.ensureEveryInstanceRuns();
            }
        }
    }
}
