package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.LoggedMails;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.TwoFactor;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.LinkTokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every security event type is recorded exactly once by the journey that causes it, with the user, the
 * client address and the user agent. The switch below has no default: adding an event type without a
 * journey here does not compile, and a journey that records nothing fails.
 */
class SecurityEventsIT {

    private static final String WRONG = "not the right password";
    private static final String NEW_PASSWORD = "a freshly reset passphrase 3";
    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithAShortSessionLifetime() {
        vestibule = RunningVestibule.start("--vestibule.session.absolute-timeout=2s");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @ParameterizedTest
    @EnumSource(SecurityEventType.class)
    void everyEventTypeIsRecordedExactlyOnceByTheJourneyThatCausesIt(SecurityEventType type)
            throws InterruptedException {
        String username = uniqueUsername("Evt");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        if (type != SecurityEventType.REGISTERED) {
            browser.logOut();
        }
        long before = type == SecurityEventType.REGISTERED ? 0 : count(type, username);

        switch (type) {
            case REGISTERED -> {
                /* the registration above */
            }
            case LOGIN_SUCCEEDED -> browser.logIn(username, PASSWORD, false);
            case LOGIN_FAILED -> browser.logIn(username, WRONG, false);
            case LOGIN_THROTTLED -> {
                for (int attempt = 0; attempt < 5; attempt++) {
                    browser.logIn(username, WRONG, false);
                }
                assertThat(browser.logIn(username, WRONG, false).status()).isEqualTo(429);
            }
            case REMEMBER_ME_USED -> {
                browser.logIn(username, PASSWORD, true);
                browser.dropCookie("SESSION");
                assertThat(browser.get("/top-secret").status()).isEqualTo(200);
            }
            case REMEMBER_ME_THEFT_DETECTED -> {
                browser.logIn(username, PASSWORD, true);
                String stolen = browser.cookie("remember-me").orElseThrow();
                browser.dropCookie("SESSION");
                browser.get("/top-secret");
                Thread.sleep(1_500); // past the rotation grace period of the test instances
                Browser thief = new Browser(vestibule.baseUrl());
                thief.setCookie("remember-me", stolen);
                thief.get("/top-secret");
            }
            // issue 13 finding 1: the browser that rotated sends the replaced secret again (a tab restored late)
            case REMEMBER_ME_GRACE_USED -> {
                browser.logIn(username, PASSWORD, true);
                String replaced = browser.cookie("remember-me").orElseThrow();
                browser.dropCookie("SESSION");
                assertThat(browser.get("/top-secret").status()).isEqualTo(200);
                browser.dropCookie("SESSION");
                browser.setCookie("remember-me", replaced);
                assertThat(browser.get("/top-secret").status()).isEqualTo(200);
            }
            case LOGGED_OUT -> {
                browser.logIn(username, PASSWORD, false);
                browser.logOut();
            }
            case SESSION_EXPIRED -> {
                browser.logIn(username, PASSWORD, false);
                Thread.sleep(2_500); // past the 2 s absolute lifetime of this instance
                assertThat(browser.get("/top-secret").status()).isEqualTo(302);
            }
            // account.sessions: containment and session control
            case SESSION_REVOKED -> {
                browser.logIn(username, PASSWORD, false);
                RunningVestibule.executeSql(
                        "UPDATE users SET security_stamp = md5(random()::text) WHERE username = ?", username);
                Thread.sleep(1_000); // the user cache hears of it within a second
                assertThat(browser.get("/top-secret").status()).isEqualTo(302);
            }
            case PASSWORD_CHANGED -> {
                browser.logIn(username, PASSWORD, false);
                assertThat(changePassword(browser, PASSWORD).status()).isEqualTo(303);
            }
            case CURRENT_PASSWORD_REJECTED -> {
                browser.logIn(username, PASSWORD, false);
                assertThat(changePassword(browser, WRONG).status()).isEqualTo(422);
            }
            case SESSION_ENDED -> {
                new Browser(vestibule.baseUrl()).logIn(username, PASSWORD, false);
                browser.logIn(username, PASSWORD, false);
                String other = browser.open("/account/sessions")
                        .html()
                        .select("li.signin:not(.this-browser) input[name=handle]")
                        .attr("value");
                browser.submit("/account/sessions", "/account/sessions/revoke", java.util.Map.of("handle", other));
            }
            case LOGGED_OUT_EVERYWHERE_ELSE -> {
                new Browser(vestibule.baseUrl()).logIn(username, PASSWORD, false);
                browser.logIn(username, PASSWORD, false);
                browser.submit("/account/sessions", "/account/sessions/revoke-others", java.util.Map.of());
            }
            // Password reset.
            case PASSWORD_RESET_REQUESTED ->
                assertThat(browser.submit("/password-reset", "/password-reset", Map.of("email", emailOf(username)))
                                .status())
                        .isEqualTo(200);
            case PASSWORD_RESET -> {
                try (LoggedMails mails = new LoggedMails()) {
                    browser.submit("/password-reset", "/password-reset", Map.of("email", emailOf(username)));
                    String path = URI.create(
                                    mails.awaitLink(emailOf(username), "/password-reset/", Duration.ofSeconds(30)))
                            .getPath();
                    assertThat(browser.submit(path, path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD))
                                    .location())
                            .contains("/login");
                }
            }
            // re-authentication, account deletion, email change
            case REAUTHENTICATED -> {
                browser.logIn(username, PASSWORD, false);
                assertThat(changeEmail(browser, "re-" + emailOf(username), PASSWORD)
                                .status())
                        .isEqualTo(303);
            }
            case EMAIL_CHANGE_REQUESTED -> {
                browser.logIn(username, PASSWORD, false);
                assertThat(changeEmail(browser, "new-" + emailOf(username), null)
                                .status())
                        .isEqualTo(303);
            }
            case EMAIL_CONFIRMED -> {
                // A link as the sign-up mailed one (the mail itself went to this instance's log).
                String id = RunningVestibule.queryForString("SELECT id::text FROM users WHERE username = ?", username);
                LinkToken token = LinkToken.generate(new java.security.SecureRandom());
                vestibule
                        .bean(LinkTokens.class)
                        .issue(IssuedLink.issue(
                                token,
                                LinkPurpose.EMAIL_CONFIRMATION,
                                UserId.parse(id),
                                new EmailAddress(emailOf(username)),
                                java.time.Instant.now(),
                                Duration.ofHours(1)))
                        .block(Duration.ofSeconds(10));
                String path = "/email-confirmation/" + token.value();
                assertThat(browser.submit(path, path, java.util.Map.of()).status())
                        .isEqualTo(200);
            }
            case REAUTHENTICATION_FAILED -> {
                browser.logIn(username, PASSWORD, false);
                assertThat(deleteAccount(browser, WRONG).status()).isEqualTo(422);
            }
            case REAUTHENTICATION_THROTTLED -> {
                browser.logIn(username, PASSWORD, false);
                for (int attempt = 0; attempt < 5; attempt++) {
                    deleteAccount(browser, WRONG);
                }
                assertThat(deleteAccount(browser, WRONG).status()).isEqualTo(429);
            }
            // issue 14: twofactor
            case AUTHENTICATOR_APP_ENABLED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.enrol(browser);
            }
            case AUTHENTICATOR_APP_DISABLED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.enrol(browser);
                assertThat(browser.submit("/account/two-factor", "/account/two-factor/disable", Map.of())
                                .status())
                        .isEqualTo(303);
            }
            case RECOVERY_CODES_REGENERATED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.enrol(browser);
                assertThat(browser.submit("/account/two-factor", "/account/two-factor/recovery-codes", Map.of())
                                .html()
                                .select(".recovery-code"))
                        .hasSize(10);
            }
            case RECOVERY_CODE_USED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.Enrolment app = TwoFactor.enrol(browser);
                browser.logOut();
                browser.logIn(username, PASSWORD, false);
                assertThat(TwoFactor.secondStep(browser, app.recoveryCodes().get(0))
                                .location())
                        .hasValue("/");
            }
            case SECOND_STEP_FAILED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.Enrolment app = TwoFactor.enrol(browser);
                browser.logOut();
                browser.logIn(username, PASSWORD, false);
                assertThat(TwoFactor.secondStep(browser, app.wrongCode()).status())
                        .isEqualTo(422);
            }
            case SECOND_STEP_THROTTLED -> {
                browser.logIn(username, PASSWORD, false);
                TwoFactor.Enrolment app = TwoFactor.enrol(browser);
                browser.logOut();
                browser.logIn(username, PASSWORD, false);
                for (int attempt = 0; attempt < 10; attempt++) {
                    TwoFactor.secondStep(browser, app.wrongCode());
                }
                assertThat(TwoFactor.secondStep(browser, app.wrongCode()).status())
                        .isEqualTo(429);
                assertThat(TwoFactor.secondStep(browser, app.code(1)).status()).isEqualTo(429);
            }
            case ACCOUNT_DELETED -> {
                browser.logIn(username, PASSWORD, false);
                String id = RunningVestibule.queryForString("SELECT id::text FROM users WHERE username = ?", username);
                long anEvent = RunningVestibule.queryForLong(
                        "SELECT min(id) FROM security_events WHERE user_id = ?::uuid", id);
                assertThat(deleteAccount(browser, PASSWORD).status()).isEqualTo(303);
                // Anonymised with the rest of the account's events: found through the pseudonym they share.
                assertThat(RunningVestibule.queryForLong("""
                        SELECT count(*) FROM security_events WHERE type = 'ACCOUNT_DELETED' AND client_address = 'unknown'
                        AND user_agent = '' AND user_id = (SELECT user_id FROM security_events WHERE id = ?)""", anEvent))
                        .as(type + " recorded once, anonymised")
                        .isEqualTo(1);
                assertThat(RunningVestibule.queryForLong(
                                "SELECT count(*) FROM security_events WHERE user_id = ?::uuid", id))
                        .isZero();
                return;
            }
        }

        assertThat(count(type, username) - before).as(type + " recorded once").isEqualTo(1);
        assertThat(RunningVestibule.queryForLong("""
                SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id
                WHERE u.username = ? AND e.type = ? AND e.client_address = '127.0.0.1' AND e.user_agent LIKE 'Java-http-client%'""", username, type.name()))
                .as(type + " has its origin")
                .isEqualTo(count(type, username));
    }

    @Test
    void theActivityPageShowsTheUsersOwnEventsOnly() {
        String username = uniqueUsername("Act");
        String other = uniqueUsername("Oth");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        browser.logIn(username, WRONG, false);
        browser.logIn(username, PASSWORD, false);
        Browser stranger = new Browser(vestibule.baseUrl());
        stranger.register(other, emailOf(other), PASSWORD);

        Page activity = browser.open("/account/activity");

        List<String> what = activity.html().select("table.activity tbody tr").stream()
                .map(row -> row.select("td").get(1).text())
                .toList();
        assertThat(what).containsExactly("Logged in", "Failed login attempt", "Logged out", "Account created");
        assertThat(activity.html().select("table.activity td").stream().map(Element::text))
                .contains("127.0.0.1")
                .noneMatch(text -> text.contains(other));
    }

    private static Page changePassword(Browser browser, String currentPassword) {
        return browser.submit(
                "/account/password",
                "/account/password",
                java.util.Map.of(
                        "current-password",
                        currentPassword,
                        "password",
                        "a new long passphrase",
                        "password2",
                        "a new long passphrase"));
    }

    private static Page changeEmail(Browser browser, String email, String currentPassword) {
        java.util.Map<String, String> fields = new java.util.HashMap<>(java.util.Map.of("email", email));
        if (currentPassword != null) {
            fields.put("current-password", currentPassword);
        }
        return browser.submit("/account/email", "/account/email", fields);
    }

    private static Page deleteAccount(Browser browser, String currentPassword) {
        return browser.submit(
                "/account/delete", "/account/delete", java.util.Map.of("current-password", currentPassword));
    }

    private static long count(SecurityEventType type, String username) {
        return RunningVestibule.queryForLong("""
                SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id
                WHERE u.username = ? AND e.type = ?""", username, type.name());
    }
}
