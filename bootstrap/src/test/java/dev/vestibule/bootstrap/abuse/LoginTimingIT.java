package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unknown user, wrong password and disabled account must not be told apart by response time. Measured
 * statistically: many interleaved samples per case (so machine noise hits all cases alike), compared by
 * median and by a rank test, against a positive control that shows the method would see a difference.
 */
class LoginTimingIT {

    private static final int SAMPLES = 40;
    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithoutAccountThrottling() {
        // The same account is tried many times: the account limit would answer early and spoil the timing.
        vestibule = RunningVestibule.start(
                "--vestibule.throttling.per-account.capacity=1000000",
                "--vestibule.throttling.per-account.refill-every=1ms");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    enum Case {
        UNKNOWN_USER,
        WRONG_PASSWORD,
        DISABLED_ACCOUNT
    }

    @Test
    void unknownUserWrongPasswordAndDisabledAccountTakeTheSameTime() {
        String known = registered();
        String disabled = registered();
        RunningVestibule.executeSql("UPDATE users SET active = false WHERE username = ?", disabled);
        Map<Case, List<Long>> samples = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            samples.put(c, new ArrayList<>());
        }
        Browser browser = new Browser(vestibule.baseUrl());
        String csrfPage = "/login";
        for (int round = 0; round < SAMPLES + 5; round++) {
            for (Case c : Case.values()) {
                String login = switch (c) {
                    case UNKNOWN_USER -> uniqueUsername("Nobody");
                    case WRONG_PASSWORD -> known;
                    case DISABLED_ACCOUNT -> disabled;
                };
                String password = c == Case.DISABLED_ACCOUNT ? PASSWORD : "a wrong password here";
                String token = browser.open(csrfPage)
                        .html()
                        .selectFirst("input[name=_csrf]")
                        .attr("value");
                long start = System.nanoTime();
                Page page = browser.post("/login", Map.of("_csrf", token, "username", login, "password", password));
                long micros = (System.nanoTime() - start) / 1_000;
                assertThat(page.location()).contains("/login");
                if (round >= 5) { // warm-up rounds are discarded
                    samples.get(c).add(micros);
                }
            }
        }

        long unknown = median(samples.get(Case.UNKNOWN_USER));
        long wrong = median(samples.get(Case.WRONG_PASSWORD));
        long disabledMedian = median(samples.get(Case.DISABLED_ACCOUNT));
        System.out.printf(
                "TIMING FIGURES (median µs over %d interleaved samples): unknown user %d, wrong password %d,"
                        + " disabled account %d%n",
                SAMPLES, unknown, wrong, disabledMedian);
        // A hash verification (~25 ms) dominates each answer; the cases may differ only by noise.
        assertThat(ratio(unknown, wrong)).isBetween(0.8, 1.25);
        assertThat(ratio(disabledMedian, wrong)).isBetween(0.8, 1.25);
        assertThat(rankSumZ(samples.get(Case.UNKNOWN_USER), samples.get(Case.WRONG_PASSWORD)))
                .isBetween(-3.0, 3.0);
        assertThat(rankSumZ(samples.get(Case.DISABLED_ACCOUNT), samples.get(Case.WRONG_PASSWORD)))
                .isBetween(-3.0, 3.0);
    }

    @Test
    void theRankTestSeesADifferenceOfTenPercent() {
        List<Long> base = new ArrayList<>();
        List<Long> slower = new ArrayList<>();
        java.util.Random noise = new java.util.Random(42);
        for (int i = 0; i < SAMPLES; i++) {
            base.add(25_000L + noise.nextInt(1_500));
            slower.add(27_500L + noise.nextInt(1_500));
        }

        assertThat(Math.abs(rankSumZ(slower, base))).isGreaterThan(3.0);
    }

    private static String registered() {
        String username = uniqueUsername("Time");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double ratio(long a, long b) {
        return (double) a / b;
    }

    /** Mann-Whitney U as a z-score: |z| > 3 would mean the two samples differ beyond chance. */
    static double rankSumZ(List<Long> a, List<Long> b) {
        double u = 0;
        for (long x : a) {
            for (long y : b) {
                u += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }
        double n1 = a.size();
        double n2 = b.size();
        double mean = n1 * n2 / 2;
        double sd = Math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
        return (u - mean) / sd;
    }
}
