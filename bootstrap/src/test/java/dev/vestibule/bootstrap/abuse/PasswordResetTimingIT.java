package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reset request for an address with an account and one for an address without must not be told apart by
 * response time (or the form would tell who has an account). Measured as LoginTimingIT measures logins: many
 * interleaved samples, compared by median and by a rank test. The account's path writes the link, its mail and
 * the event; the other path makes the same lookup, an update that finds nothing and the event.
 */
class PasswordResetTimingIT {

    private static final int SAMPLES = 60;
    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithoutResetThrottling() {
        // The same account is asked for many times: the per-account limit would answer early and spoil the timing.
        vestibule = RunningVestibule.start(
                "--vestibule.throttling.redis-key-prefix="
                        + RedisTestServer.shared().namespace() + ":reset-timing",
                "--vestibule.throttling.password-resets-per-account.capacity=1000000",
                "--vestibule.throttling.password-resets-per-account.refill-every=1ms",
                "--vestibule.throttling.password-resets-per-client-address.capacity=1000000",
                "--vestibule.throttling.password-resets-per-client-address.refill-every=1ms");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void anAddressWithAnAccountAndOneWithoutTakeTheSameTime() {
        String known = emailOf(registered());
        List<Long> withAccount = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        Browser browser = new Browser(vestibule.baseUrl());
        for (int round = 0; round < SAMPLES + 10; round++) {
            for (boolean account : new boolean[] {round % 2 == 0, round % 2 != 0}) {
                String email = account ? known : "nobody-" + emailOf(uniqueUsername("Nobody"));
                String token = browser.open("/password-reset")
                        .html()
                        .selectFirst("input[name=_csrf]")
                        .attr("value");
                long start = System.nanoTime();
                Page page = browser.post("/password-reset", Map.of("_csrf", token, "email", email));
                long micros = (System.nanoTime() - start) / 1_000;
                assertThat(page.status()).isEqualTo(200);
                if (round >= 10) { // warm-up rounds are discarded
                    (account ? withAccount : without).add(micros);
                }
            }
        }

        long knownMedian = median(withAccount);
        long unknownMedian = median(without);
        double z = LoginTimingIT.rankSumZ(withAccount, without);
        System.out.printf(
                "PASSWORD RESET FIGURES: timing (median µs over %d interleaved samples each): address with an account"
                        + " %d, without %d (ratio %.2f, rank-sum z %.2f); p90 %d vs %d%n",
                SAMPLES,
                knownMedian,
                unknownMedian,
                (double) knownMedian / unknownMedian,
                z,
                percentile(withAccount, 90),
                percentile(without, 90));
        assertThat((double) knownMedian / unknownMedian).isBetween(0.8, 1.25);
        assertThat(z).isBetween(-3.0, 3.0);
    }

    private static String registered() {
        String username = uniqueUsername("Timed");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
