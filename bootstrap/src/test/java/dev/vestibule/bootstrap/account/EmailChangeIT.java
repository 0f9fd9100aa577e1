package dev.vestibule.bootstrap.account;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sign-up's confirmation link, POST /account/email and /email-confirmation/<token> against a running instance on
 * PostgreSQL and Redis, with the mails read from GreenMail: the link arrives at the new address, a GET of it
 * changes nothing, the button confirms once, the old address gets the notice, and the address changes only then.
 */
class EmailChangeIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final String PUBLIC_URL = "https://vestibule.test";
    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/email-confirmation/[A-Za-z0-9_-]{43})");

    private static MailDatabase database;
    private static SmtpServer smtp;
    private static RunningVestibule instance;

    @BeforeAll
    static void start() {
        database = new MailDatabase();
        smtp = SmtpServer.start();
        instance = RunningVestibule.start(Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                    "--vestibule.public-url=" + PUBLIC_URL, "--vestibule.mail.delivery-interval=200ms"
                })
                .flatMap(Arrays::stream)
                .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        smtp.close();
        database.close();
    }

    @Test
    void signUpMailsALinkThatAGetLeavesAloneAndTheButtonConfirmsOnce() throws Exception {
        String username = uniqueUsername("Conf");
        String email = username.toLowerCase() + "@mail.test";
        Browser browser = new Browser(instance.baseUrl());
        assertThat(browser.register(username, email, PASSWORD).status()).isEqualTo(303);
        assertThat(browser.open("/").heading()).as("signed in at once").isEqualTo("Hi, " + username + "!");

        MimeMessage mail = awaitMail(email, "Confirm your email address for Vestibule");
        String path = linkIn(mail);

        Browser scanner = new Browser(instance.baseUrl());
        for (int scan = 0; scan < 3; scan++) {
            Page page = scanner.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(confirmed(username)).as("a GET confirms nothing").isEqualTo("f");

        Page done = browser.submit(path, path, Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.heading()).isEqualTo("Email address confirmed");
        assertThat(done.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(confirmed(username)).isEqualTo("t");

        Page again = new Browser(instance.baseUrl()).get(path);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.html().select("main form")).isEmpty();
        assertThat(browser.post(
                                path,
                                Map.of(
                                        "_csrf",
                                        done.html().select("input[name=_csrf]").attr("value")))
                        .status())
                .isIn(403, 410);
    }

    @Test
    void anEmailChangeMailsTheNewAddressANoticeToTheOldAndChangesOnlyWhenConfirmed() throws Exception {
        String username = uniqueUsername("Move");
        String oldAddress = username.toLowerCase() + "@mail.test";
        String newAddress = "new-" + oldAddress;
        Browser browser = new Browser(instance.baseUrl());
        browser.register(username, oldAddress, PASSWORD);

        Page sent = browser.submit(
                "/account/email", "/account/email", Map.of("email", newAddress, "current-password", PASSWORD));
        assertThat(sent.status()).isEqualTo(303);
        assertThat(browser.follow(sent).flashes()).singleElement().asString().contains(newAddress);

        MimeMessage link = awaitMail(newAddress, "Confirm your email address for Vestibule");
        MimeMessage notice = awaitMail(oldAddress, "A new email address was requested for your Vestibule account");
        assertThat(SmtpServer.partText(notice, "text/plain")).contains("127.0.0.1");
        assertThat(emailOf(username))
                .as("nothing changes before the link is used")
                .isEqualTo(oldAddress);

        String path = linkIn(link);
        Page confirm = new Browser(instance.baseUrl()).get(path);
        assertThat(confirm.html().select("main").text()).contains(newAddress);
        assertThat(emailOf(username)).as("a GET changes nothing").isEqualTo(oldAddress);

        Page done = browser.submit(path, path, Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(emailOf(username)).isEqualTo(newAddress);
        assertThat(confirmed(username)).isEqualTo("t");

        Browser elsewhere = new Browser(instance.baseUrl());
        assertThat(elsewhere.logIn(newAddress, PASSWORD, false).location()).hasValue("/");
        Browser withTheOld = new Browser(instance.baseUrl());
        assertThat(withTheOld
                        .follow(withTheOld.logIn(oldAddress, PASSWORD, false))
                        .flashes())
                .containsExactly("Invalid username or password.");
        System.out.printf(
                "email change: outbox rows for the new address %s, for the old %s%n",
                database.outboxRows(newAddress), database.outboxRows(oldAddress));
    }

    @Test
    void whenTheAddressIsTakenBeforeTheLinkIsUsedAClearPageAndNothingChanges() throws Exception {
        String username = uniqueUsername("Slow");
        String address = username.toLowerCase() + "@mail.test";
        String wanted = "wanted-" + address;
        Browser browser = new Browser(instance.baseUrl());
        browser.register(username, address, PASSWORD);
        browser.submit("/account/email", "/account/email", Map.of("email", wanted, "current-password", PASSWORD));
        String path = linkIn(awaitMail(wanted, "Confirm your email address for Vestibule"));
        new Browser(instance.baseUrl()).register(uniqueUsername("Fast"), wanted, PASSWORD);

        Page taken = browser.submit(path, path, Map.of());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.heading()).isEqualTo("Address already in use");
        assertThat(emailOf(username)).isEqualTo(address);
    }

    @Test
    void theTokenOfALinkIsNeverLoggedWhileItIsOpenedAndConfirmed() throws Exception {
        String username = uniqueUsername("Quiet");
        String email = username.toLowerCase() + "@mail.test";
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String token;
        try {
            Browser browser = new Browser(instance.baseUrl());
            browser.register(username, email, PASSWORD);
            String path = linkIn(awaitMail(email, "Confirm your email address for Vestibule"));
            token = path.substring(path.lastIndexOf('/') + 1);
            browser.get(path);
            assertThat(browser.submit(path, path, Map.of()).status()).isEqualTo(200);
            browser.get(path);
        } finally {
            root.detachAppender(captured);
        }

        List<String> everything = captured.list.stream()
                .map(event -> event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
        assertThat(everything).anyMatch(line -> line.contains("/email-confirmation/<token>"));
        assertThat(everything).allSatisfy(line -> assertThat(line).doesNotContain(token));
    }

    @Test
    void aWrongCurrentPasswordMailsNothing() {
        String username = uniqueUsername("Nope");
        String address = username.toLowerCase() + "@mail.test";
        Browser browser = new Browser(instance.baseUrl());
        browser.register(username, address, PASSWORD);

        Page refused = browser.submit(
                "/account/email", "/account/email", Map.of("email", "x-" + address, "current-password", "wrong"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors("current-password")).containsExactly("That is not your current password.");
        assertThat(database.outboxRows("x-" + address)).isEmpty();
    }

    private static String emailOf(String username) {
        return column("SELECT email FROM users WHERE username = ?", username).get(0);
    }

    private static String confirmed(String username) {
        return column("SELECT email_confirmed FROM users WHERE username = ?", username)
                .get(0);
    }

    private static List<String> column(String sql, Object... parameters) {
        return database.rows(sql, parameters).stream().map(row -> row.get(0)).toList();
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

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher(SmtpServer.partText(message, "text/plain"));
        assertThat(link.find())
                .as("a confirmation link built from the public URL")
                .isTrue();
        return link.group(1);
    }

    private static boolean isTo(MimeMessage message, String recipient) {
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
}
