package dev.vestibule.bootstrap.twofactor;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.mail.MailDatabase;
import dev.vestibule.bootstrap.mail.SmtpServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.TwoFactor;
import dev.vestibule.bootstrap.support.TwoFactor.Enrolment;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authenticator app and recovery codes on the real stack: two instances on one PostgreSQL and one Redis, mail
 * read from GreenMail. Codes are computed from the secret the setup page shows, as the user's app would.
 */
class TwoFactorIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static MailDatabase database;
    private static SmtpServer smtp;
    private static RunningVestibule instanceA;
    private static RunningVestibule instanceB;

    @BeforeAll
    static void start() {
        database = new MailDatabase();
        smtp = SmtpServer.start();
        String[] arguments = Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                    "--vestibule.mail.delivery-interval=200ms"
                })
                .flatMap(Arrays::stream)
                .toArray(String[]::new);
        instanceA = RunningVestibule.start(arguments);
        instanceB = RunningVestibule.start(arguments);
    }

    @AfterAll
    static void stop() {
        Stream.of(instanceA, instanceB).filter(java.util.Objects::nonNull).forEach(RunningVestibule::close);
        smtp.close();
        database.close();
    }

    @Test
    void enrolThenSignInWithACodeRememberedOnlyAfterTheSecondStepAndTheCodeWorksOnce() {
        String username = uniqueUsername("Totp");
        Enrolment app = enrolled(username);

        Browser browser = new Browser(instanceA.baseUrl());
        Page afterPassword = browser.logIn(username, PASSWORD, true);
        assertThat(afterPassword.status()).isIn(302, 303);
        assertThat(afterPassword.location()).hasValue("/login/two-factor");
        assertThat(browser.cookie("remember-me"))
                .as("not before the second step")
                .isEmpty();
        assertThat(browser.get("/top-secret").location())
                .hasValueSatisfying(to -> assertThat(to).contains("/login"));
        assertThat(browser.get("/account").location())
                .hasValueSatisfying(to -> assertThat(to).contains("/login"));
        assertThat(browser.open("/login/two-factor").heading()).isEqualTo("Two-factor authentication");

        String code = app.code(1);
        Page signedIn = TwoFactor.secondStep(browser, code);
        assertThat(signedIn.status()).isIn(302, 303);
        assertThat(signedIn.location()).hasValue("/");
        assertThat(browser.cookie("remember-me"))
                .as("issued with the second step")
                .isPresent();
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);

        Browser replay = new Browser(instanceA.baseUrl());
        replay.logIn(username, PASSWORD, false);
        Page replayed = TwoFactor.secondStep(replay, code);
        assertThat(replayed.status()).as("a code is accepted once").isEqualTo(422);
        assertThat(replayed.html().select("[role=alert]").text()).startsWith("That code is not right");
        assertThat(replay.get("/top-secret").location())
                .hasValueSatisfying(to -> assertThat(to).contains("/login"));
        // Sign-up records REGISTERED; a right password alone records nothing: only the passed second step counts.
        assertThat(events("LOGIN_SUCCEEDED", username)).isEqualTo(1);
        assertThat(events("SECOND_STEP_FAILED", username)).isEqualTo(1);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndItsNoticeMailArrives() throws Exception {
        String username = uniqueUsername("Recov");
        Enrolment app = enrolled(username);
        String recoveryCode = app.recoveryCodes().get(4);

        Browser browser = new Browser(instanceA.baseUrl());
        browser.logIn(username, PASSWORD, false);
        Page signedIn = TwoFactor.secondStep(browser, recoveryCode.toLowerCase().replace("-", " "));
        assertThat(signedIn.location()).hasValue("/");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        assertThat(browser.open("/account/two-factor")
                        .html()
                        .select(".recovery-codes-left")
                        .text())
                .isEqualTo("9");

        MimeMessage notice = awaitMail(emailOf(username), "A recovery code of your Vestibule account was used");
        assertThat(SmtpServer.partText(notice, "text/plain"))
                .contains("127.0.0.1")
                .doesNotContain(recoveryCode);

        Browser again = new Browser(instanceB.baseUrl());
        again.logIn(username, PASSWORD, false);
        assertThat(TwoFactor.secondStep(again, recoveryCode).status()).isEqualTo(422);
        assertThat(events("RECOVERY_CODE_USED", username)).isEqualTo(1);
    }

    @Test
    void twelveWrongCodesAcrossPendingLoginsLockTheSecondStepAndTheRightCodeIsThenRefusedToo() {
        String username = uniqueUsername("Lock");
        Enrolment app = enrolled(username);

        int refused = 0;
        int throttled = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            // A new pending login every four attempts, alternating instances: the allowance is the account's.
            Browser browser = new Browser((attempt / 4 % 2 == 0 ? instanceA : instanceB).baseUrl());
            browser.logIn(username, PASSWORD, false);
            int status = TwoFactor.secondStep(browser, app.wrongCode()).status();
            refused += status == 422 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(10);
        assertThat(throttled).isEqualTo(2);

        Browser owner = new Browser(instanceA.baseUrl());
        owner.logIn(username, PASSWORD, false);
        Page right = TwoFactor.secondStep(owner, app.code(1));
        assertThat(right.status()).as("the right code is refused too").isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(right.html().select("[role=alert]").text()).startsWith("Too many wrong codes.");
        assertThat(owner.get("/top-secret").location())
                .hasValueSatisfying(to -> assertThat(to).contains("/login"));
        assertThat(events("SECOND_STEP_THROTTLED", username)).as("one burst").isEqualTo(1);
    }

    @Test
    void thePasswordOnInstanceAAndTheSecondStepOnInstanceB() {
        String username = uniqueUsername("Hop");
        Enrolment app = enrolled(username);

        Browser browser = new Browser(instanceA.baseUrl());
        assertThat(browser.logIn(username, PASSWORD, false).location()).hasValue("/login/two-factor");
        browser.switchTo(instanceB.baseUrl());

        assertThat(browser.open("/login/two-factor").status()).isEqualTo(200);
        assertThat(TwoFactor.secondStep(browser, app.code(1)).location()).hasValue("/");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        browser.switchTo(instanceA.baseUrl());
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void theSecretIsStoredEncryptedAndTheRecoveryCodesHashed() {
        String username = uniqueUsername("Rest");
        Enrolment app = enrolled(username);

        String sealed = database.rows(
                        "SELECT a.sealed_secret FROM authenticator_apps a JOIN users u ON u.id = a.user_id"
                                + " WHERE u.username = ?",
                        username)
                .get(0)
                .get(0);
        assertThat(sealed).startsWith("v1.").doesNotContain(app.secret().base32());
        String hashes = database.rows(
                        "SELECT string_agg(r.code_hash, ',') FROM recovery_codes r JOIN users u ON u.id = r.user_id"
                                + " WHERE u.username = ?",
                        username)
                .get(0)
                .get(0);
        assertThat(hashes.split(",")).hasSize(10);
        app.recoveryCodes()
                .forEach(code -> assertThat(hashes).doesNotContain(code).doesNotContain(code.replace("-", "")));
    }

    /** A new user who signed up on instance A (so the re-authentication window is open) and enrolled an app. */
    private static Enrolment enrolled(String username) {
        Browser browser = new Browser(instanceA.baseUrl());
        assertThat(browser.register(username, emailOf(username), PASSWORD).status())
                .isEqualTo(303);
        Enrolment app = TwoFactor.enrol(browser);
        browser.logOut();
        return app;
    }

    private static String emailOf(String username) {
        return username.toLowerCase() + "@mail.test";
    }

    private static long events(String type, String username) {
        return database.queryForLong("""
                SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id
                WHERE u.username = ? AND e.type = ?""", username, type);
    }

    private static MimeMessage awaitMail(String recipient, String subject) {
        return Eventually.within(
                        ARRIVAL,
                        System.nanoTime(),
                        "a mail \"" + subject + "\" to " + recipient,
                        () -> Arrays.stream(smtp.received())
                                .filter(message -> isTo(message, recipient) && subject.equals(subjectOf(message)))
                                .reduce((first, second) -> second)
                                .orElse(null),
                        message -> message != null)
                .answer();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(recipient));
        } catch (MessagingException unreadable) {
            return false;
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return null;
        }
    }
}
