package dev.vestibule.bootstrap.account;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.mail.MailDatabase;
import dev.vestibule.bootstrap.mail.SmtpServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /account/delete on instance A, against a database of the suite's own, Redis and GreenMail: the account and
 * what is keyed to it go, the browser signed in on instance B is signed out within a second (measured), the
 * remembered browser no longer signs in, the login answers as for an unknown user, the notice arrives at the
 * address, the security events stay without anything pointing to the user, and the names are free again.
 */
class AccountDeletionIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private static MailDatabase database;
    private static SmtpServer smtp;
    private static RunningVestibule a;
    private static RunningVestibule b;

    @BeforeAll
    static void start() {
        database = new MailDatabase();
        smtp = SmtpServer.start();
        String[] arguments = Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                    "--vestibule.public-url=https://vestibule.test", "--vestibule.mail.delivery-interval=200ms"
                })
                .flatMap(Arrays::stream)
                .toArray(String[]::new);
        a = RunningVestibule.start(arguments);
        b = RunningVestibule.start(arguments);
    }

    @AfterAll
    static void stop() {
        for (RunningVestibule instance : new RunningVestibule[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        smtp.close();
        database.close();
    }

    @Test
    void deletionEndsEverySessionAndTheLoginSendsTheNoticeAndKeepsOnlyAnonymousEvents() {
        String username = uniqueUsername("Del");
        String email = username.toLowerCase() + "@mail.test";
        Browser here = new Browser(a.baseUrl());
        here.register(username, email, PASSWORD);
        String userId = userIdOf(username);
        Browser elsewhere = new Browser(b.baseUrl());
        elsewhere.logIn(username, PASSWORD, true);
        assertThat(elsewhere.get("/top-secret").status()).isEqualTo(200);
        List<String> eventIds = column("SELECT id::text FROM security_events WHERE user_id = ?::uuid", userId);
        assertThat(eventIds).hasSizeGreaterThanOrEqualTo(2);

        Page form = here.open("/account/delete");
        assertThat(form.heading()).isEqualTo("Delete your account");
        Page deleted = here.submit("/account/delete", "/account/delete", Map.of("current-password", PASSWORD));
        long deletedAt = System.nanoTime();

        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).contains("/");
        Eventually.Seen<Integer> signedOut = Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                deletedAt,
                "the browser signed in on the other instance is signed out",
                () -> elsewhere.get("/top-secret").status(),
                status -> status == 302);
        System.out.printf(
                "account deletion: the session on the other instance refused after %d ms%n",
                signedOut.after().toMillis());
        assertThat(here.follow(deleted).flashes())
                .containsExactly("Your account has been deleted. We have sent a last mail to your address to say so.");
        assertThat(here.get("/top-secret").status()).isEqualTo(302);

        // The remembered browser: its series went with the account.
        elsewhere.dropCookie("SESSION");
        assertThat(elsewhere.get("/top-secret").status()).isEqualTo(302);

        // The login answers exactly as for an account that never existed.
        Browser former = new Browser(b.baseUrl());
        Page login = former.logIn(username, PASSWORD, false);
        Browser stranger = new Browser(b.baseUrl());
        Page unknown = stranger.logIn(uniqueUsername("Nobody"), PASSWORD, false);
        assertThat(login.status()).isEqualTo(unknown.status());
        assertThat(login.location()).isEqualTo(unknown.location());
        assertThat(former.follow(login).flashes())
                .isEqualTo(stranger.follow(unknown).flashes());

        // What was keyed to the user is gone.
        for (String table :
                List.of("users WHERE id", "remembered_devices WHERE user_id", "known_devices WHERE user_id")) {
            assertThat(column("SELECT count(*) FROM " + table + " = ?::uuid", userId))
                    .as(table)
                    .containsExactly("0");
        }

        // The notice reaches the address the account had.
        MimeMessage notice = Eventually.within(
                        ARRIVAL,
                        deletedAt,
                        "the deletion notice arrives",
                        () -> Arrays.stream(smtp.received())
                                .filter(message -> isTo(message, email)
                                        && "Your Vestibule account was deleted".equals(subject(message)))
                                .findFirst()
                                .orElse(null),
                        message -> message != null)
                .answer();
        assertThat(subject(notice)).isEqualTo("Your Vestibule account was deleted");

        // The events stay, under one pseudonym no user has, without address or browser.
        List<List<String>> events = database.rows(
                "SELECT user_id::text, client_address, user_agent, type FROM security_events WHERE id = ANY (?::bigint[])"
                        + " OR (type = 'ACCOUNT_DELETED' AND user_id IN (SELECT user_id FROM security_events WHERE id = ?::bigint))",
                "{" + String.join(",", eventIds) + "}",
                eventIds.get(0));
        System.out.printf("account deletion: events kept after deletion: %s%n", events);
        assertThat(events).hasSize(eventIds.size() + 1);
        assertThat(events.stream().map(row -> row.get(0)).distinct()).hasSize(1).doesNotContain(userId);
        assertThat(column(
                        "SELECT count(*) FROM users WHERE id = ?::uuid",
                        events.get(0).get(0)))
                .containsExactly("0");
        assertThat(events).allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("unknown", ""));
        assertThat(events.stream().map(row -> row.get(3))).contains("REGISTERED", "LOGIN_SUCCEEDED", "ACCOUNT_DELETED");
        assertThat(column("SELECT count(*) FROM security_events WHERE user_id = ?::uuid", userId))
                .containsExactly("0");

        // The username and the address are free again.
        Browser newcomer = new Browser(a.baseUrl());
        assertThat(newcomer.register(username, email, PASSWORD).status()).isEqualTo(303);
        assertThat(newcomer.open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void aWrongPasswordDeletesNothingAndTheSessionStays() {
        String username = uniqueUsername("Keep");
        Browser browser = new Browser(a.baseUrl());
        browser.register(username, username.toLowerCase() + "@mail.test", PASSWORD);

        Page refused = browser.submit("/account/delete", "/account/delete", Map.of("current-password", "wrong one"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors("current-password")).containsExactly("That is not your current password.");
        assertThat(column("SELECT count(*) FROM users WHERE username = ?", username))
                .containsExactly("1");
        assertThat(browser.switchTo(b.baseUrl()).get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void openingTheDeletionPageChangesNothing() {
        String username = uniqueUsername("Look");
        Browser browser = new Browser(a.baseUrl());
        browser.register(username, username.toLowerCase() + "@mail.test", PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/account/delete").status()).isEqualTo(200);
        }

        assertThat(column("SELECT count(*) FROM users WHERE username = ?", username))
                .containsExactly("1");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }

    private static String userIdOf(String username) {
        return column("SELECT id::text FROM users WHERE username = ?", username).get(0);
    }

    private static List<String> column(String sql, Object... parameters) {
        return database.rows(sql, parameters).stream().map(row -> row.get(0)).toList();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
