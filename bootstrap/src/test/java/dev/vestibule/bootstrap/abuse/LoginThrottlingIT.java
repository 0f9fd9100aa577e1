package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are limited per account with the production defaults (5, then one a minute), counted
 * in Redis and so shared by every instance. Two instances of their own, so that no other suite's
 * attempts from 127.0.0.1 count here; the per-address limit is raised so that only the account limit
 * is under test.
 */
class LoginThrottlingIT {

    private static final String WRONG = "not the right password";
    private static RunningVestibule first;
    private static RunningVestibule second;

    @BeforeAll
    static void startTwoInstancesWithProductionAccountLimits() {
        String[] limits = {
            "--vestibule.throttling.per-account.capacity=5",
            "--vestibule.throttling.per-account.refill-every=1m",
            "--vestibule.throttling.per-known-browser.capacity=10",
            "--vestibule.throttling.per-known-browser.refill-every=1m"
        };
        first = RunningVestibule.start(limits);
        second = RunningVestibule.start(limits);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static String registeredUser() {
        String username = uniqueUsername("Thr");
        Browser browser = new Browser(first.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    @Test
    void afterFiveFailuresTheAccountIsThrottledAndEvenTheRightPasswordIsRefused() {
        String username = registeredUser();
        Browser attacker = new Browser(first.baseUrl());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(attacker.logIn(username, WRONG, false).location())
                    .as("attempt " + attempt)
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/login"));
        }

        Page throttled = attacker.logIn(username, WRONG, false);
        Page rightPassword = new Browser(first.baseUrl()).logIn(username, PASSWORD, false);

        for (Page page : new Page[] {throttled, rightPassword}) {
            assertThat(page.status()).isEqualTo(429);
            assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 60L);
            assertThat(page.heading()).isEqualTo("Too many attempts");
            assertThat(page.html().select("main").text()).contains("Please try again in");
        }
    }

    @Test
    void theCountIsSharedByEveryInstance() {
        String username = registeredUser();
        Browser attacker = new Browser(first.baseUrl());
        for (int attempt = 1; attempt <= 3; attempt++) {
            attacker.logIn(username, WRONG, false);
        }
        attacker.switchTo(second.baseUrl());
        for (int attempt = 4; attempt <= 5; attempt++) {
            assertThat(attacker.logIn(username, WRONG, false).status())
                    .as("attempt " + attempt)
                    .isEqualTo(302);
        }

        assertThat(attacker.logIn(username, WRONG, false).status()).isEqualTo(429);
        assertThat(attacker.switchTo(first.baseUrl())
                        .logIn(username, WRONG, false)
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aBrowserThatSignedInBeforeKeepsItsOwnAllowanceWhileTheAccountIsUnderAttack() {
        String username = registeredUser();
        Browser owner = new Browser(first.baseUrl());
        owner.logIn(username, PASSWORD, false);
        assertThat(owner.cookie("vestibule-device")).isPresent();
        owner.logOut();

        Browser attacker = new Browser(second.baseUrl());
        for (int attempt = 1; attempt <= 6; attempt++) {
            attacker.logIn(username, WRONG, false);
        }
        assertThat(attacker.logIn(username, PASSWORD, false).status()).isEqualTo(429);

        Page ownerLogin = owner.logIn(username, PASSWORD, false);
        assertThat(ownerLogin.status()).isEqualTo(302);
        assertThat(owner.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void aStolenLookingDeviceCookieOfAnotherAccountGivesNoAllowance() {
        String victim = registeredUser();
        String attackerOwn = registeredUser();
        Browser attacker = new Browser(first.baseUrl());
        attacker.logIn(attackerOwn, PASSWORD, false);
        attacker.logOut();

        for (int attempt = 1; attempt <= 5; attempt++) {
            attacker.logIn(victim, WRONG, false);
        }

        assertThat(attacker.logIn(victim, WRONG, false).status()).isEqualTo(429);
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeRealOnes() {
        String nobody = uniqueUsername("Ghost");
        Browser attacker = new Browser(first.baseUrl());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(attacker.logIn(nobody, WRONG, false).status()).isEqualTo(302);
        }

        assertThat(attacker.logIn(nobody, WRONG, false).status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulLoginDoesNotCountAsAFailure() {
        String username = registeredUser();
        Browser browser = new Browser(first.baseUrl());
        for (int round = 1; round <= 8; round++) {
            assertThat(browser.logIn(username, PASSWORD, false).status())
                    .as("login " + round)
                    .isEqualTo(302);
            browser.logOut();
        }
    }
}
