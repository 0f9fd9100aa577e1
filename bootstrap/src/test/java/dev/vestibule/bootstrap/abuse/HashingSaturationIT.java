package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When every hashing thread is busy and the queue is full, a login is refused at once with 503 and
 * Retry-After (never a 500, never an unbounded wait), the refusal does not count as a failed attempt, and
 * pages that hash nothing are still served.
 */
class HashingSaturationIT {

    private static final int PARALLEL_LOGINS = 12;

    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithATinyHashingPool() {
        // One thread, one queue place, and a hash slow enough (~10x the default cost) that logins pile up.
        vestibule = RunningVestibule.start(
                "--vestibule.hashing.threads=1",
                "--vestibule.hashing.queue-size=1",
                "--vestibule.hashing.argon2-iterations=20");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void loginsBeyondTheHashingCapacityGetAQuick503WithRetryAfterAndPagesStillWork() throws Exception {
        String username = uniqueUsername("Busy");
        new Browser(vestibule.baseUrl()).register(username, emailOf(username), PASSWORD);
        List<Browser> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PARALLEL_LOGINS; i++) {
            Browser browser = new Browser(vestibule.baseUrl());
            tokens.add(browser.csrfToken("/login"));
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_LOGINS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Page>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL_LOGINS; i++) {
                Browser browser = browsers.get(i);
                String token = tokens.get(i);
                // Each a different (unknown) name, so that no account throttle speaks before the hashing.
                String login = username + "-nobody-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.post(
                            "/login", Map.of("_csrf", token, "username", login, "password", "wrong password"));
                }));
            }
            start.countDown();
            Page homeDuringTheStorm = new Browser(vestibule.baseUrl()).get("/");

            List<Page> pages = new ArrayList<>();
            for (Future<Page> answer : answers) {
                pages.add(answer.get());
            }
            assertThat(homeDuringTheStorm.status()).isEqualTo(200);
            assertThat(pages)
                    .extracting(Page::status)
                    .doesNotContain(500)
                    .allMatch(status -> status == 302 || status == 503);
            List<Page> refused =
                    pages.stream().filter(page -> page.status() == 503).toList();
            assertThat(refused)
                    .as("logins refused for lack of hashing capacity")
                    .isNotEmpty()
                    .allSatisfy(page ->
                            assertThat(page.headers().firstValue("Retry-After")).hasValue("1"));
        } finally {
            pool.shutdownNow();
        }
        Page later = new Browser(vestibule.baseUrl()).logIn(username, PASSWORD, false);
        assertThat(later.location()).as("signed in once the storm is over").hasValue("/");
    }
}
