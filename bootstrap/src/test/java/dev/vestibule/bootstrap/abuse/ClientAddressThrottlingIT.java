package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits per client address: failed logins spread over many accounts, and sign-ups. An instance of its
 * own with small limits and its own bucket keys, since every test here comes from 127.0.0.1.
 */
class ClientAddressThrottlingIT {

    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithSmallAddressLimits() {
        vestibule = RunningVestibule.start(
                "--vestibule.throttling.redis-key-prefix="
                        + RedisTestServer.shared().namespace() + ":address-throttle",
                "--vestibule.throttling.per-client-address.capacity=8",
                "--vestibule.throttling.per-client-address.refill-every=1m",
                "--vestibule.throttling.registrations-per-client-address.capacity=3",
                "--vestibule.throttling.registrations-per-client-address.refill-every=10m");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void failuresSpreadOverManyAccountsAreLimitedPerClientAddressAndSignUpsToo() {
        // Sign-ups first (3 allowed), which also gives us accounts to attack.
        String[] accounts = new String[3];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = uniqueUsername("Addr" + i);
            Browser browser = new Browser(vestibule.baseUrl());
            assertThat(browser.register(accounts[i], emailOf(accounts[i]), PASSWORD)
                            .status())
                    .isEqualTo(303);
        }
        String late = uniqueUsername("Late");
        Page refusedSignUp = new Browser(vestibule.baseUrl()).register(late, emailOf(late), PASSWORD);
        assertThat(refusedSignUp.status()).isEqualTo(429);
        assertThat(refusedSignUp.headers().firstValue("Retry-After")).isPresent();
        assertThat(refusedSignUp.flashes()).singleElement().asString().contains("Too many accounts were created");
        assertThat(RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE username = ?", late))
                .isZero();

        Browser attacker = new Browser(vestibule.baseUrl());
        int failuresBeforeThrottle = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            Page page = attacker.logIn(accounts[attempt % accounts.length], "wrong password " + attempt, false);
            if (page.status() == 429) {
                break;
            }
            failuresBeforeThrottle++;
        }
        assertThat(failuresBeforeThrottle).isEqualTo(8);
        assertThat(attacker.logIn(uniqueUsername("Fresh"), "anything at all", false)
                        .status())
                .isEqualTo(429);
    }
}
