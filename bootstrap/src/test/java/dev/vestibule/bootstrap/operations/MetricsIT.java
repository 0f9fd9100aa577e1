package dev.vestibule.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service's own metrics move exactly with what happens through the pages. */
class MetricsIT {

    private static final String LOGINS = "vestibule_logins_total";
    private static final String HASHES = "vestibule_password_hashing_seconds_count";
    private static final String HASHING_TIME = "vestibule_password_hashing_seconds_sum";

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final ManagementPort management = new ManagementPort(vestibule.managementUrl());

    @Test
    void registrationLoginAndFailedLoginMoveTheirCountersByOneEach() {
        String username = TestUsers.uniqueUsername("metrics");
        double registrations = management.metric("vestibule_registrations_total");
        double succeeded = management.metric(LOGINS, "outcome=\"succeeded\"");
        double failed = management.metric(LOGINS, "outcome=\"failed\"");
        double throttled = management.metric(LOGINS, "outcome=\"throttled\"");

        Browser browser = new Browser(vestibule.baseUrl());
        assertThat(browser.register(username, TestUsers.emailOf(username), TestUsers.PASSWORD)
                        .location())
                .contains("/");
        browser.logOut();
        assertThat(browser.logIn(username, TestUsers.PASSWORD, false).location())
                .contains("/");
        Page failure = new Browser(vestibule.baseUrl()).logIn(username, "not the password at all", false);
        assertThat(failure.location())
                .as("the failed login went back to the form")
                .hasValueSatisfying(location -> assertThat(location).startsWith("/login"));

        assertThat(management.metric("vestibule_registrations_total")).isEqualTo(registrations + 1);
        assertThat(management.metric(LOGINS, "outcome=\"succeeded\"")).isEqualTo(succeeded + 1);
        assertThat(management.metric(LOGINS, "outcome=\"failed\"")).isEqualTo(failed + 1);
        assertThat(management.metric(LOGINS, "outcome=\"throttled\"")).isEqualTo(throttled);
    }

    @Test
    void everyHashAndVerificationIsTimedOnce() {
        String username = TestUsers.uniqueUsername("hashing");
        double hashes = management.metric(HASHES, "operation=\"hash\"");
        double verifications = management.metric(HASHES, "operation=\"verify\"");
        double verifyingTime = management.metric(HASHING_TIME, "operation=\"verify\"");

        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, TestUsers.emailOf(username), TestUsers.PASSWORD);
        browser.logOut();
        browser.logIn(username, TestUsers.PASSWORD, false);
        new Browser(vestibule.baseUrl()).logIn(username, "not the password at all", false);
        new Browser(vestibule.baseUrl()).logIn(TestUsers.uniqueUsername("nobody"), TestUsers.PASSWORD, false);

        assertThat(management.metric(HASHES, "operation=\"hash\""))
                .as("the sign-up")
                .isEqualTo(hashes + 1);
        assertThat(management.metric(HASHES, "operation=\"verify\""))
                .as("right password, wrong password, unknown account (a dummy hash)")
                .isEqualTo(verifications + 3);
        assertThat(management.metric(HASHING_TIME, "operation=\"verify\"")).isGreaterThan(verifyingTime);
    }

    @Test
    void activeSessionsGaugeCountsTheSessionsInRedis() throws InterruptedException {
        String username = TestUsers.uniqueUsername("gauge");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, TestUsers.emailOf(username), TestUsers.PASSWORD);
        String sessionKeys = RedisTestServer.shared().sessionNamespace() + ":sessions:*";

        // The gauge recounts every second in the tests (vestibule.session.active-count-every); wait for a pass
        // that saw this browser's session.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double gauge = management.metric("vestibule_sessions_active");
        int stored = RedisTestServer.shared().keysMatching(sessionKeys).size();
        while (gauge != stored && System.nanoTime() < deadline) {
            Thread.sleep(200);
            gauge = management.metric("vestibule_sessions_active");
            stored = RedisTestServer.shared().keysMatching(sessionKeys).size();
        }

        assertThat(stored).isPositive();
        assertThat(gauge).isEqualTo(stored);
    }
}
