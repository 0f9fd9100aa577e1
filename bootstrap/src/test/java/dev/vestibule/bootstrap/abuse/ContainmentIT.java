package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Containment as an attacker meets it, on two instances sharing one PostgreSQL, one Redis and a real SMTP
 * server (GreenMail): a browser signed in on instance B is refused within a second of a password change,
 * a revoke or "log out everywhere else" on instance A; the thief of a remember-me cookie loses the session
 * it opened when the theft is detected; a password reset or a disabling in SQL ends every session, and
 * enabling the account again revives nothing. The measured times are printed.
 */
class ContainmentIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String NEW_PASSWORD = "another quiet lantern 43";
    private static final List<String> FIGURES = new ArrayList<>();

    private static PostgresTestDatabase database;
    private static GreenMail smtp;
    private static RunningVestibule a;
    private static RunningVestibule b;

    @BeforeAll
    static void startTwoInstances() {
        database = PostgresTestDatabase.create();
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String[] arguments = Stream.concat(
                        database.springProperties().entrySet().stream()
                                .map(property -> "--" + property.getKey() + "=" + property.getValue()),
                        Stream.of(
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=" + port,
                                "--vestibule.mail.delivery-interval=100ms"))
                .toArray(String[]::new);
        a = RunningVestibule.start(arguments);
        b = RunningVestibule.start(arguments);
    }

    @AfterAll
    static void stop() {
        System.out.println("[containment across two instances]\n  " + String.join("\n  ", FIGURES));
        b.close();
        a.close();
        smtp.stop();
        database.close();
    }

    @Test
    void aPasswordChangeOnASignsOutEveryOtherBrowserOnBWithinASecondAndKeepsThisOne() {
        String username = registered("Changer");
        Browser elsewhere = signedIn(b, username, PASSWORD, false);
        Browser here = signedIn(a, username, PASSWORD, false);
        String sessionBefore = here.cookie("SESSION").orElseThrow();

        Page changed = here.submit(
                "/account/password",
                "/account/password",
                Map.of("current-password", PASSWORD, "password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        long done = System.nanoTime();

        assertThat(changed.location()).contains("/account");
        Duration refused = refusedWithin(elsewhere, done, "the other browser, on B, after the password change");
        figure("password change on A: the browser on B refused after %d ms", refused);
        assertThat(here.cookie("SESSION")).get().as("a new session id").isNotEqualTo(sessionBefore);
        assertThat(here.get("/top-secret").status())
                .as("this browser stays signed in")
                .isEqualTo(200);
        assertThat(here.switchTo(b.baseUrl()).get("/top-secret").status())
                .as("on the other instance too")
                .isEqualTo(200);
        assertThat(new Browser(a.baseUrl()).logIn(username, PASSWORD, false).location())
                .contains("/login");
        mailArrives(username, "Your Vestibule password was changed");
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String username = registered("Guesser");
        Browser elsewhere = signedIn(b, username, PASSWORD, false);
        Browser here = signedIn(a, username, PASSWORD, false);

        Page refused = here.submit(
                "/account/password",
                "/account/password",
                Map.of("current-password", "a guess", "password", NEW_PASSWORD, "password2", NEW_PASSWORD));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(elsewhere.get("/top-secret").status()).isEqualTo(200);
        assertThat(new Browser(a.baseUrl()).logIn(username, PASSWORD, false).location())
                .get()
                .isEqualTo("/");
    }

    @Test
    void aRevokeOnAEndsThatSessionOnBWithinASecond() {
        String username = registered("Revoked");
        Browser elsewhere = signedIn(b, username, PASSWORD, false);
        Browser here = signedIn(a, username, PASSWORD, false);
        String handle = here.open("/account/sessions")
                .html()
                .select("li.signin:not(.this-browser) input[name=handle]")
                .attr("value");

        Page revoked = here.submit("/account/sessions", "/account/sessions/revoke", Map.of("handle", handle));
        long done = System.nanoTime();

        assertThat(here.follow(revoked).flashes()).containsExactly("It has been signed out.");
        figure(
                "revoke on A: the browser on B refused after %d ms",
                refusedWithin(elsewhere, done, "the revoked browser"));
        assertThat(here.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersHandleChangesNothing() {
        String victim = registered("Victim");
        Browser victims = signedIn(b, victim, PASSWORD, true);
        List<String> victimsHandles = victims.open("/account/sessions")
                .html()
                .select("input[name=handle]")
                .eachAttr("value");
        Browser attacker = signedIn(a, registered("Attacker"), PASSWORD, false);

        for (String handle : victimsHandles) {
            attacker.submit("/account/sessions", "/account/sessions/revoke", Map.of("handle", handle));
        }

        assertThat(victimsHandles)
                .as("the sign-up's session, this one, its remembered browser")
                .hasSize(3);
        assertThat(victims.get("/top-secret").status()).isEqualTo(200);
        victims.dropCookie("SESSION");
        assertThat(victims.get("/top-secret").status())
                .as("the remembered browser still signs in")
                .isEqualTo(200);
    }

    @Test
    void logOutEverywhereElseOnAEndsEverySessionAndRememberedBrowserOnBWithinASecond() {
        String username = registered("Everywhere");
        Browser elsewhere = signedIn(b, username, PASSWORD, true);
        Browser here = signedIn(a, username, PASSWORD, true);

        here.submit("/account/sessions", "/account/sessions/revoke-others", Map.of());
        long done = System.nanoTime();

        figure(
                "log out everywhere else on A: the browser on B refused after %d ms",
                refusedWithin(elsewhere, done, "the other browser"));
        elsewhere.dropCookie("SESSION");
        assertThat(elsewhere.get("/top-secret").location())
                .as("its remember-me cookie signs nobody in")
                .get()
                .asString()
                .contains("/login");
        here.dropCookie("SESSION");
        assertThat(here.get("/top-secret").status())
                .as("this browser's own remember-me cookie still works")
                .isEqualTo(200);
    }

    @Test
    void theThiefsSessionEndsWhenTheTheftIsDetected() throws Exception {
        String username = registered("Robbed");
        Browser victim = signedIn(a, username, PASSWORD, true);
        String copied = victim.cookie("remember-me").orElseThrow();
        Browser thief = new Browser(b.baseUrl());
        thief.setCookie("remember-me", copied);
        assertThat(thief.get("/top-secret").status())
                .as("the thief gets in first")
                .isEqualTo(200);
        Thread.sleep(1_100); // past the rotation grace period (1 s in the tests)

        victim.dropCookie("SESSION");
        victim.get("/top-secret"); // the victim's old secret: theft detected
        long detected = System.nanoTime();

        figure(
                "theft detected on A: the thief's session on B refused after %d ms",
                refusedWithin(thief, detected, "the thief"));
        mailArrives(username, "A copied sign-in of your Vestibule account was stopped");
    }

    @Test
    void aPasswordResetInSqlEndsEverySessionAndRememberedBrowser() {
        String username = registered("Reset");
        Browser browser = signedIn(b, username, PASSWORD, true);

        sql("UPDATE users SET password_hash = password_hash || 'x' WHERE username = ?", username);
        long done = System.nanoTime();

        figure(
                "UPDATE users SET password_hash in SQL: the browser on B refused after %d ms",
                refusedWithin(browser, done, "the browser"));
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").location()).get().asString().contains("/login");
    }

    @Test
    void disablingInSqlEndsEverySessionAndEnablingAgainRevivesNothing() {
        String username = registered("Disabled");
        Browser browser = signedIn(a, username, PASSWORD, true);
        String session = browser.cookie("SESSION").orElseThrow();
        String rememberMe = browser.cookie("remember-me").orElseThrow();
        browser.switchTo(b.baseUrl());

        sql("UPDATE users SET active = false WHERE username = ?", username);
        long done = System.nanoTime();
        figure(
                "UPDATE users SET active = false: the browser on B refused after %d ms",
                refusedWithin(browser, done, "the browser"));
        sql("UPDATE users SET active = true WHERE username = ?", username);

        Browser replay = new Browser(b.baseUrl());
        replay.setCookie("SESSION", session);
        replay.setCookie("remember-me", rememberMe);
        assertThat(replay.get("/top-secret").location())
                .as("neither the old session nor the old remember-me cookie comes back")
                .get()
                .asString()
                .contains("/login");
        assertThat(signedIn(a, username, PASSWORD, false).get("/top-secret").status())
                .as("a new sign-in works")
                .isEqualTo(200);
    }

    private static Duration refusedWithin(Browser browser, long since, String who) {
        return Eventually.within(
                        WITHIN,
                        since,
                        who + " is refused",
                        () -> browser.get("/top-secret").location().orElse("200"),
                        location -> location.contains("/login"))
                .after();
    }

    private static String registered(String prefix) {
        String username = uniqueUsername(prefix);
        Browser browser = new Browser(a.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        return username;
    }

    private static Browser signedIn(RunningVestibule on, String username, String password, boolean rememberMe) {
        Browser browser = new Browser(on.baseUrl());
        Page login = browser.logIn(username, password, rememberMe);
        assertThat(login.location()).get().isEqualTo("/");
        return browser;
    }

    private static void mailArrives(String username, String subject) {
        String recipient = emailOf(username);
        Eventually.within(
                Duration.ofSeconds(20),
                System.nanoTime(),
                "'" + subject + "' mailed to " + recipient,
                () -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(message ->
                                sentTo(message, recipient) && subjectOf(message).equals(subject))
                        .count(),
                count -> count == 1);
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static void sql(String sql, Object... parameters) {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void figure(String format, Duration after) {
        FIGURES.add(format.formatted(after.toMillis()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
