package dev.vestibule.bootstrap.passwordreset;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.mail.MailDatabase;
import dev.vestibule.bootstrap.mail.SmtpServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RawHttp;
import dev.vestibule.bootstrap.support.RunningVestibule;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The password-reset rows of the HTTP contract end to end: two instances of one deployment (PostgreSQL of this
 * suite's own, the shared Redis) and a real SMTP server (GreenMail). Each test checks the real effect: the mail
 * arrives, its link works exactly once, the answer page is the same for every address, the link ignores a
 * poisoned Host, an SMTP outage delays the mail without failing the page, and two instances send each mail once.
 */
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetIT {

    static final String PUBLIC_URL = "https://vestibule.test";
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String NEW_PASSWORD = "violet harbour engine 77";
    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "/password-reset/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

    private static MailDatabase database;
    private static SmtpServer smtp;
    private static RunningVestibule a;
    private static RunningVestibule b;

    @BeforeAll
    static void startTwoInstancesAndAMailServer() {
        database = new MailDatabase();
        smtp = SmtpServer.start();
        String[] arguments = Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                    "--vestibule.public-url=" + PUBLIC_URL,
                    "--vestibule.mail.delivery-interval=200ms",
                    "--vestibule.mail.first-retry-after=1s",
                    "--vestibule.mail.max-retry-after=2s",
                    "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                    // Forwarded headers from here are believed: a poisoned X-Forwarded-Host is applied to the
                    // request, and must still not reach the link.
                    "--vestibule.proxy.trusted-addresses=127.0.0.1",
                    // Buckets of this suite's own: Redis keeps a bucket's capacity from its first use, and other
                    // suites in this JVM use the reset buckets of 127.0.0.1 with the default limits.
                    "--vestibule.throttling.redis-key-prefix="
                            + RedisTestServer.shared().namespace() + ":password-reset-it",
                    // Every request of this suite comes from 127.0.0.1; the per-account limit stays the default.
                    "--vestibule.throttling.password-resets-per-client-address.capacity=1000000",
                    "--vestibule.throttling.password-resets-per-client-address.refill-every=1ms"
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
    void getPasswordResetIsLinkedFromTheLoginPageAndAsksForTheEmail() {
        Browser browser = new Browser(a.baseUrl());

        Page login = browser.open("/login");
        Page form =
                browser.open(login.html().selectFirst("a[href=/password-reset]").attr("href"));

        assertThat(login.html().select("a[href=/password-reset]").text()).isEqualTo("Forgot your password?");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("form[action=/password-reset] input[name=email]"))
                .hasSize(1);
        assertThat(form.html().select("form[action=/password-reset] input[name=_csrf]"))
                .hasSize(1);
    }

    @Test
    void postPasswordResetWithTheAddressInAnyCaseMailsALinkThatWorksExactlyOnce() throws Exception {
        String username = registered();
        Browser requester = new Browser(a.baseUrl());

        Page answer = request(requester, emailOf(username).toUpperCase(Locale.ROOT));

        assertThat(answer.status()).isEqualTo(200);
        String link = awaitLinkTo(emailOf(username));
        assertThat(link).startsWith(PUBLIC_URL + "/password-reset/");
        String path = URI.create(link).getPath();

        // The link, opened on the other instance.
        Browser follower = new Browser(b.baseUrl());
        Page form = follower.open(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(form.html().select("form[action=" + path + "] input[type=password]"))
                .hasSize(2);

        Page refused = follower.submit(path, path, Map.of("password", "short", "password2", "short"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors("password")).containsExactly("Password must be at least 15 characters long.");

        Page done = follower.submit(path, path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.location())
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(follower.follow(done).flashes())
                .singleElement()
                .satisfies(flash -> assertThat(flash).startsWith("Your password has been changed"));

        Page again = follower.get(path);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.html().select("main form")).isEmpty();
        assertThat(again.html().select("main h1").text()).isEqualTo("This link no longer works");
        String csrf = follower.csrfToken("/password-reset");
        Page replayed = RawHttp.post(
                a.baseUrl(),
                path,
                Map.of("Cookie", "csrf=" + follower.cookie("csrf").orElseThrow()),
                form("password", "yet another passphrase 5", "password2", "yet another passphrase 5", "_csrf", csrf));
        assertThat(replayed.status()).isEqualTo(410);

        assertThat(new Browser(a.baseUrl()).logIn(username, PASSWORD, false).location())
                .as("the old password no longer signs in")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
        assertThat(new Browser(b.baseUrl())
                        .logIn(username, "yet another passphrase 5", false)
                        .location())
                .as("nor the one replayed with the spent link")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
        Browser signIn = new Browser(a.baseUrl());
        assertThat(signIn.logIn(username, NEW_PASSWORD, false).location())
                .as("the new password signs in")
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        assertThat(signIn.get("/top-secret").status()).isEqualTo(200);

        MimeMessage notice = awaitMessage(emailOf(username), "Your Vestibule password was reset");
        assertThat(SmtpServer.partText(notice, "text/plain")).contains("Address: 127.0.0.1");
        assertThat(database.queryForLong(
                        "SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id"
                                + " WHERE u.username = ? AND e.type = 'PASSWORD_RESET'",
                        username))
                .isEqualTo(1);
    }

    @Test
    void theAnswerPageIsTheSameByteForByteForAnAddressWithAnAccountAndOneWithout() {
        String username = registered();
        Browser browser = new Browser(a.baseUrl());

        Page known = request(browser, emailOf(username));
        Page unknown = request(browser, "nobody-" + emailOf(uniqueUsername("Nobody")));

        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()));
        assertThat(known.headers().firstValue("Content-Type"))
                .isEqualTo(unknown.headers().firstValue("Content-Type"));
        awaitLinkTo(emailOf(username));
    }

    @Test
    void aPoisonedHostOrForwardedHostDoesNotReachTheLink() throws Exception {
        String username = registered();
        Browser browser = new Browser(a.baseUrl());
        String token = browser.csrfToken("/password-reset");

        Page answer = RawHttp.post(
                a.baseUrl(),
                "/password-reset",
                Map.of(
                        "Host", "evil.example",
                        // Believed (a trusted proxy's address), so the request itself now claims this host.
                        "X-Forwarded-Host", "evil.example:8443",
                        "Cookie", "csrf=" + browser.cookie("csrf").orElseThrow()),
                form("email", emailOf(username), "_csrf", token));

        assertThat(answer.status()).isEqualTo(200);
        MimeMessage mail = awaitMessage(emailOf(username), "Reset your Vestibule password");
        assertThat(SmtpServer.partText(mail, "text/plain"))
                .contains(PUBLIC_URL + "/password-reset/")
                .doesNotContain("evil.example");
        assertThat(SmtpServer.partText(mail, "text/html")).doesNotContain("evil.example");
    }

    @Test
    void whenSmtpIsDownTheRequestAnswersAsUsualAndTheMailArrivesOnceItIsBack() throws Exception {
        String username = registered();
        Browser browser = new Browser(b.baseUrl());
        Page answer;
        smtp.stop();
        try {
            answer = request(browser, emailOf(username));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.html().select("main h1").text()).isEqualTo("Check your mail");
            Eventually.within(
                    ARRIVAL,
                    System.nanoTime(),
                    "a failed attempt is recorded and the mail still waits",
                    () -> resetRows(emailOf(username)),
                    rows -> rows.size() == 1
                            && rows.get(0).startsWith("QUEUED/")
                            && !rows.get(0).contains("/null/"));
        } finally {
            smtp.startAgain();
        }
        long back = System.nanoTime();

        String link = awaitLinkTo(emailOf(username));

        System.out.printf(
                "PASSWORD RESET FIGURES: reset mail arrived %d ms after SMTP came back; outbox: %s%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis(), resetRows(emailOf(username)));
        assertThat(new Browser(a.baseUrl()).get(URI.create(link).getPath()).status())
                .isEqualTo(200);
    }

    @Test
    void twoInstancesSharingTheOutboxDeliverEachResetMailExactlyOnce() throws Exception {
        int mails = 50;
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            recipients.add(emailOf(registered()));
        }
        Browser viaA = new Browser(a.baseUrl());
        Browser viaB = new Browser(b.baseUrl());

        for (int i = 0; i < mails; i++) {
            assertThat(request(i % 2 == 0 ? viaA : viaB, recipients.get(i)).status())
                    .isEqualTo(200);
        }

        Set<String> wanted = Set.copyOf(recipients);
        Eventually.within(
                Duration.ofSeconds(60),
                System.nanoTime(),
                mails + " reset mails arrive (sign-up mails a confirmation link too: only reset mails count)",
                () -> receivedBy(wanted).size(),
                count -> count >= mails);
        Thread.sleep(2_000); // several more delivery rounds of both instances: a duplicate would show by now
        Map<String, Long> perRecipient =
                receivedBy(wanted).stream().collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        System.out.printf(
                "PASSWORD RESET FIGURES: %d reset requests through two instances, %d mails received at the SMTP"
                        + " server, %d recipients, none twice%n",
                mails, receivedBy(wanted).size(), perRecipient.size());
        assertThat(perRecipient)
                .hasSize(mails)
                .allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
    }

    @Test
    void aNewRequestSpendsTheOlderLinkAndAnExpiredOrUnknownLinkIsGone() {
        String username = registered();
        Browser browser = new Browser(a.baseUrl());
        request(browser, emailOf(username));
        String older = URI.create(awaitLinkTo(emailOf(username))).getPath();

        request(browser, emailOf(username));
        String newer = URI.create(awaitLinks(emailOf(username), 2).get(1)).getPath();

        assertThat(browser.get(older).status()).isEqualTo(410);
        assertThat(browser.get(newer).status()).isEqualTo(200);
        database.execute(
                "UPDATE link_tokens SET issued_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'"
                        + " WHERE user_id = (SELECT id FROM users WHERE username = ?)",
                username);
        assertThat(browser.get(newer).status()).as("expired").isEqualTo(410);
        Page unknown = browser.get("/password-reset/" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(410);
        assertThat(unknown.html().select("main form")).isEmpty();
        assertThat(unknown.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void perAccountThrottlingGivesTheSameAnswerAndMailsNoMore() {
        String username = registered();
        Browser browser = new Browser(a.baseUrl());
        Page first = request(browser, emailOf(username));

        Page throttled = first;
        for (int i = 0; i < 4; i++) {
            throttled = request(i % 2 == 0 ? new Browser(b.baseUrl()) : browser, emailOf(username));
        }

        assertThat(throttled.status()).isEqualTo(200);
        assertThat(withoutCsrf(throttled.body())).isEqualTo(withoutCsrf(first.body()));
        awaitLinks(emailOf(username), 3);
        Eventually.within(
                ARRIVAL,
                System.nanoTime(),
                "the outbox has sent everything",
                () -> resetRows(emailOf(username)),
                rows -> rows.stream().allMatch(row -> row.startsWith("SENT/")));
        assertThat(resetRows(emailOf(username)))
                .as("three mails, the limit per account")
                .hasSize(3);
    }

    @Test
    void aSessionSignedInOnTheOtherInstanceIsRefusedWithinASecondOfTheReset() {
        String username = registered();
        Browser elsewhere = new Browser(b.baseUrl());
        elsewhere.logIn(username, PASSWORD, false);
        assertThat(elsewhere.get("/top-secret").status()).isEqualTo(200);
        Browser signedInHere = new Browser(a.baseUrl());
        signedInHere.logIn(username, PASSWORD, false);
        Browser resetter = new Browser(a.baseUrl());
        request(resetter, emailOf(username));
        String path = URI.create(awaitLinkTo(emailOf(username))).getPath();

        Page done = resetter.submit(path, path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        long resetAt = System.nanoTime();

        assertThat(done.status()).isEqualTo(303);
        Eventually.Seen<Integer> refused = Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                resetAt,
                "the session on the other instance is refused",
                () -> elsewhere.get("/top-secret").status(),
                status -> status == 302);
        System.out.printf(
                "PASSWORD RESET FIGURES: the session on instance B refused %d ms after the reset on instance A%n",
                refused.after().toMillis());
        assertThat(signedInHere.get("/top-secret").status())
                .as("a session on the resetting instance ends too")
                .isEqualTo(302);
        assertThat(elsewhere.logIn(username, NEW_PASSWORD, false).location())
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        assertThat(elsewhere.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void theResetForgetsEveryRememberedBrowserOfTheUser() {
        String username = registered();
        Browser remembered = new Browser(b.baseUrl());
        remembered.logIn(username, PASSWORD, true);
        assertThat(remembered.cookie("remember-me")).isPresent();

        resetPassword(username, a);

        remembered.dropCookie("SESSION");
        Page page = remembered.get("/top-secret");
        assertThat(page.status())
                .as("the remember-me cookie no longer signs in")
                .isEqualTo(302);
        assertThat(database.queryForLong(
                        "SELECT count(*) FROM remembered_devices d JOIN users u ON u.id = d.user_id WHERE u.username = ?",
                        username))
                .isZero();
    }

    @Test
    void theTokenNeverAppearsInTheLogs(CapturedOutput output) {
        String username = registered();
        String token = resetPassword(username, a);

        Eventually.within(
                Duration.ofSeconds(5),
                System.nanoTime(),
                "the access log shows the masked path",
                output::getAll,
                all -> all.contains("POST /password-reset/<token> 303"));
        assertThat(output.getAll())
                .contains("GET /password-reset/<token> 200")
                .doesNotContain(token)
                .doesNotContain(URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Requests a link, follows it and sets {@link #NEW_PASSWORD}; returns the token. */
    private String resetPassword(String username, RunningVestibule via) {
        Browser browser = new Browser(via.baseUrl());
        request(browser, emailOf(username));
        String link = awaitLinks(emailOf(username), 1).get(0);
        String path = URI.create(link).getPath();
        assertThat(browser.open(path).status()).isEqualTo(200);
        Page done = browser.submit(path, path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));
        assertThat(done.status()).isEqualTo(303);
        return path.substring("/password-reset/".length());
    }

    /** The outbox rows of the reset mails to {@code recipient} (sign-up mails a confirmation link too). */
    private static List<String> resetRows(String recipient) {
        return database
                .rows(
                        "SELECT status, attempts, last_error FROM mail_outbox"
                                + " WHERE recipient = ? AND kind = 'PASSWORD_RESET_LINK' ORDER BY id",
                        recipient)
                .stream()
                .map(row -> String.join("/", row.get(0), row.get(1), String.valueOf(row.get(2))) + "/")
                .toList();
    }

    private static String registered() {
        String username = uniqueUsername("Reset");
        Browser browser = new Browser(a.baseUrl());
        assertThat(browser.register(username, emailOf(username), PASSWORD).status())
                .isEqualTo(303);
        return username;
    }

    static Page request(Browser browser, String email) {
        return browser.submit("/password-reset", "/password-reset", Map.of("email", email));
    }

    private static String awaitLinkTo(String recipient) {
        return awaitLinks(recipient, 1).get(0);
    }

    /** The links of the first {@code count} reset mails to {@code recipient}, in the order they arrived. */
    private static List<String> awaitLinks(String recipient, int count) {
        return Eventually.within(
                        ARRIVAL,
                        System.nanoTime(),
                        count + " reset mail(s) to " + recipient,
                        () -> linksTo(recipient),
                        links -> links.size() >= count)
                .answer();
    }

    private static List<String> linksTo(String recipient) {
        List<String> links = new ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            try {
                if (isTo(message, recipient) && message.getSubject().equals("Reset your Vestibule password")) {
                    Matcher link = LINK.matcher(SmtpServer.partText(message, "text/plain"));
                    if (link.find()) {
                        links.add(link.group());
                    }
                }
            } catch (Exception unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return links;
    }

    private static MimeMessage awaitMessage(String recipient, String subject) {
        return Eventually.within(
                        ARRIVAL,
                        System.nanoTime(),
                        "a mail \"" + subject + "\" to " + recipient,
                        () -> Arrays.stream(smtp.received())
                                .filter(message -> isTo(message, recipient)
                                        && subjectOf(message).equals(subject))
                                .findFirst()
                                .orElse(null),
                        message -> message != null)
                .answer();
    }

    private static List<String> receivedBy(Set<String> recipients) {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.received()) {
            try {
                for (Address address : message.getAllRecipients()) {
                    if (recipients.contains(address.toString())
                            && message.getSubject().equals("Reset your Vestibule password")) {
                        to.add(address.toString());
                    }
                }
            } catch (jakarta.mail.MessagingException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return to;
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

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** The answer page carries no form today; should it ever, each render's CSRF token differs. */
    static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }
}
