package dev.vestibule.bootstrap.operations;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-instance user cache in the running service (the postgres and redis profiles): signed-in page views
 * are answered from it, and a user deactivated in SQL, as an administrator does it, is signed out within a
 * second on every instance however recently each served them. Figures go to the test output.
 */
class UserCacheIT {

    private static final String LOOKUPS = "vestibule_user_cache_lookups_total";
    private static final String HITS = "result=\"hit\"";
    private static final List<String> FIGURES = new ArrayList<>();

    private static RunningVestibule first;
    private static RunningVestibule second;
    private static ManagementPort firstManagement;
    private static ManagementPort secondManagement;

    @BeforeAll
    static void startTwoInstances() {
        first = RunningVestibule.shared();
        second = RunningVestibule.start();
        firstManagement = new ManagementPort(first.managementUrl());
        secondManagement = new ManagementPort(second.managementUrl());
    }

    @AfterAll
    static void stopTheSecond() {
        second.close();
        System.out.println("[user cache, whole service]\n  " + String.join("\n  ", FIGURES));
    }

    @Test
    void signedInPageViewsAreAnsweredFromTheCacheWhileItsListenerIsConnected() {
        assertThat(firstManagement.metric("vestibule_user_cache_listener_connected"))
                .isEqualTo(1.0);
        Browser browser = new Browser(first.baseUrl());
        String username = uniqueUsername("Cached");
        browser.register(username, emailOf(username), PASSWORD);
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        double hits = firstManagement.metric(LOOKUPS, HITS);

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        }

        assertThat(firstManagement.metric(LOOKUPS, HITS)).isEqualTo(hits + 3);
        assertThat(firstManagement.metric("vestibule_user_cache_size")).isPositive();
    }

    @Test
    void aUserDeactivatedInSqlIsSignedOutWithinASecondOnEveryInstance() {
        String username = uniqueUsername("Disabled");
        Browser onFirst = new Browser(first.baseUrl());
        onFirst.register(username, emailOf(username), PASSWORD);
        Browser onSecond = new Browser(second.baseUrl());
        onSecond.logIn(username, PASSWORD, false);
        // Sessions of their own: signing out on one instance must not be what signs out the other.
        servedFromTheCache(onFirst, firstManagement);
        servedFromTheCache(onSecond, secondManagement);

        RunningVestibule.executeSql("UPDATE users SET active = false WHERE username = ?", username);
        long committed = System.nanoTime();

        var outOnFirst = Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                committed,
                "signed out on the first instance",
                () -> onFirst.get("/top-secret").location(),
                UserCacheIT::sentToLogin);
        var outOnSecond = Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                committed,
                "signed out on the second instance",
                () -> onSecond.get("/top-secret").location(),
                UserCacheIT::sentToLogin);
        FIGURES.add(("UPDATE users SET active = false: GET /top-secret sent to the login page after %d ms (first "
                        + "instance), %d ms (second, asked after the first)")
                .formatted(outOnFirst.after().toMillis(), outOnSecond.after().toMillis()));
        assertThat(onFirst.open("/").heading()).isEqualTo("Hello, Anonymous!");
        assertThat(onSecond.open("/").heading()).isEqualTo("Hello, Anonymous!");
    }

    /** Two page views, the second answered from the instance's cache: what the deactivation must overcome. */
    private static void servedFromTheCache(Browser browser, ManagementPort management) {
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        double hits = management.metric(LOOKUPS, HITS);
        Page page = browser.get("/top-secret");
        assertThat(page.status()).isEqualTo(200);
        assertThat(management.metric(LOOKUPS, HITS))
                .as("answered from the cache")
                .isEqualTo(hits + 1);
    }

    private static boolean sentToLogin(Optional<String> location) {
        return location.filter(target -> target.contains("/login?next=/top-secret"))
                .isPresent();
    }
}
