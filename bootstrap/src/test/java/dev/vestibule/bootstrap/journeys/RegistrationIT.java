package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RegistrationIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @Test
    void registeringSignsTheUserInAndSaysSoOnce() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Reg");

        Page response = browser.register(username, emailOf(username), PASSWORD);

        assertThat(response.status()).isBetween(300, 399);
        assertThat(response.location()).contains("/");
        Page home = browser.follow(response);
        assertThat(home.heading()).isEqualTo("Hi, " + username + "!");
        assertThat(home.flashes()).containsExactly("Congratulations, you are now a registered user!");
        assertThat(browser.open("/").flashes()).isEmpty();
        assertThat(RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE username = ?", username))
                .isEqualTo(1);
    }

    @Test
    void registeringStoresAnArgon2idHashNeverThePassword() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Hash");

        browser.register(username, emailOf(username), PASSWORD);

        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM users WHERE username = ? AND password_hash LIKE '{argon2}$argon2id$%'",
                        username))
                .isEqualTo(1);
        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM users WHERE password_hash LIKE ?", "%" + PASSWORD + "%"))
                .isZero();
    }

    @Test
    void registrationWithProblemsShowsEachNextToItsFieldKeepsEntriesAndStoresNothing() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Bad");

        Page page = browser.submit(
                "/register",
                "/register",
                Map.of(
                        "username",
                        username,
                        "email",
                        "not-an-email",
                        "password",
                        "sunshine",
                        "password2",
                        "sunshine!"));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("email"))
                .containsExactly("Please enter a valid email address, like name@example.com.");
        assertThat(page.fieldErrors("password"))
                .anySatisfy(error -> assertThat(error).contains("too common"));
        assertThat(page.fieldErrors("password2")).containsExactly("The two passwords do not match.");
        assertThat(page.html().selectFirst("#username").attr("value")).isEqualTo(username);
        assertThat(page.html().selectFirst("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(page.html().select("input[type=password]"))
                .allSatisfy(input -> assertThat(input.attr("value")).isEmpty());
        assertThat(page.body()).doesNotContain("sunshine");
        assertThat(RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE username = ?", username))
                .isZero();
    }

    @Test
    void usernameAndEmailAreUniqueIgnoringCase() {
        String username = uniqueUsername("Dup");
        new Browser(vestibule.baseUrl()).register(username, emailOf(username), PASSWORD);

        Page page = new Browser(vestibule.baseUrl())
                .register(username.toUpperCase(Locale.ROOT), emailOf(username).toUpperCase(Locale.ROOT), PASSWORD);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("username"))
                .containsExactly("That username is already taken. Please choose another.");
        assertThat(page.fieldErrors("email")).containsExactly("An account with this email address already exists.");
    }

    @Test
    void twoConcurrentRegistrationsOfOneUsernameLetExactlyOneSucceed() throws Exception {
        String username = uniqueUsername("Race");
        int contenders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Page>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < contenders; i++) {
                String variant = i % 2 == 0 ? username : username.toLowerCase(Locale.ROOT);
                String email = "race" + i + "-" + emailOf(username);
                Browser browser = new Browser(vestibule.baseUrl());
                browser.open("/register");
                attempts.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitQuietly(start);
                            return browser.register(variant, email, PASSWORD);
                        },
                        pool));
            }
            start.countDown();
            List<Page> pages = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(pages).filteredOn(Page::isRedirect).hasSize(1);
            assertThat(pages).filteredOn(page -> !page.isRedirect()).allSatisfy(page -> {
                assertThat(page.status()).isEqualTo(422);
                assertThat(page.fieldErrors("username"))
                        .containsExactly("That username is already taken. Please choose another.");
            });
            assertThat(RunningVestibule.queryForLong(
                            "SELECT count(*) FROM users WHERE lower(username) = lower(?)", username))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registrationFollowsASafeNextAndIgnoresAHostileOne() {
        String safe = uniqueUsername("Next");
        Page followed = new Browser(vestibule.baseUrl())
                .submit(
                        "/register?next=/top-secret",
                        "/register",
                        Map.of("username", safe, "email", emailOf(safe), "password", PASSWORD, "password2", PASSWORD));
        assertThat(followed.location()).contains("/top-secret");

        String hostile = uniqueUsername("Evil");
        Page ignored = new Browser(vestibule.baseUrl())
                .submit(
                        "/register",
                        "/register",
                        Map.of(
                                "username",
                                hostile,
                                "email",
                                emailOf(hostile),
                                "password",
                                PASSWORD,
                                "password2",
                                PASSWORD,
                                "next",
                                "//evil.example/steal"));
        assertThat(ignored.location()).contains("/");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
