package dev.vestibule.bootstrap.breachcheck;

import static dev.vestibule.bootstrap.support.FormPosts.usersNamed;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.FakeRangeServer;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Breached passwords (issue 13, finding 8) through the real stack: sign-ups, a password change, PostgreSQL and
 * Redis, with the breach check pointed at a fake range API on loopback. One instance fails open (the default), one
 * fails closed; both wait at most 500 ms for the API.
 */
class BreachedPasswordsIT {

    private static final String BREACHED = "summer sunshine 2019";
    private static final String PADDED = "violet harbour ladder 77";
    private static final String FINE = "quiet lantern orbit 42";

    private static FakeRangeServer range;
    private static RunningVestibule failOpen;
    private static RunningVestibule failClosed;

    @BeforeAll
    static void start() {
        range = new FakeRangeServer().breached(BREACHED, 4_012).padded(PADDED);
        failOpen = RunningVestibule.start(settings("accept"));
        failClosed = RunningVestibule.start(settings("refuse"));
        // The first request of each instance also loads WebClient's classes: not what the 500 ms are for.
        failOpen.bean(BreachCheck.class).screen("warm-up").block();
        failClosed.bean(BreachCheck.class).screen("warm-up").block();
    }

    private static String[] settings(String whenUnavailable) {
        return new String[] {
            "--vestibule.password.breach-check.enabled=true",
            "--vestibule.password.breach-check.base-url=" + range.baseUrl(),
            "--vestibule.password.breach-check.timeout=500ms",
            "--vestibule.password.breach-check.when-unavailable=" + whenUnavailable
        };
    }

    @AfterAll
    static void stop() {
        failClosed.close();
        failOpen.close();
        range.close();
    }

    @BeforeEach
    void rangeAnswers() {
        range.answerWith(200);
        range.delay(0);
    }

    @Test
    void aBreachedPasswordIsRefusedAtSignUpWithAClearMessageAndNoAccountIsMade() {
        String username = uniqueUsername("Breached");

        Page page = new Browser(failOpen.baseUrl()).register(username, emailOf(username), BREACHED);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("password"))
                .containsExactly(
                        "This password has appeared in a data breach, so attackers try it. Please choose another.");
        assertThat(usersNamed(username)).isZero();
        String hash = FakeRangeServer.sha1(BREACHED);
        assertThat(range.requestedPaths()).contains("/range/" + hash.substring(0, 5));
        assertThat(range.requestedPaths()).noneMatch(path -> path.contains(hash.substring(5)));
    }

    @Test
    void theRefusalIsInGermanForAGermanBrowser() {
        String username = uniqueUsername("Geleakt");

        Page page = new Browser(failOpen.baseUrl())
                .throughProxy(Map.of("Accept-Language", "de"))
                .register(username, emailOf(username), BREACHED);

        assertThat(page.fieldErrors("password"))
                .containsExactly("Dieses Passwort ist in einem Datenleck aufgetaucht, deshalb probieren Angreifer es "
                        + "aus. Bitte wählen Sie ein anderes.");
        assertThat(usersNamed(username)).isZero();
    }

    @Test
    void aFinePasswordSignsUpAndAPaddingEntryIsNoBreach() {
        String fine = uniqueUsername("Fine");
        String padded = uniqueUsername("Padded");

        Page first = new Browser(failOpen.baseUrl()).register(fine, emailOf(fine), FINE);
        Page second = new Browser(failClosed.baseUrl()).register(padded, emailOf(padded), PADDED);

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status()).isEqualTo(303);
        assertThat(usersNamed(fine)).isOne();
        assertThat(usersNamed(padded)).isOne();
    }

    @Test
    void whenTheApiIsTooSlowFailingOpenSignsUpAndFailingClosedAsksToTryAgain() {
        range.delay(2_000);
        String open = uniqueUsername("SlowOpen");
        String closed = uniqueUsername("SlowClosed");

        long started = System.nanoTime();
        Page accepted = new Browser(failOpen.baseUrl()).register(open, emailOf(open), FINE);
        long acceptedAfterMillis = (System.nanoTime() - started) / 1_000_000;
        Page refused = new Browser(failClosed.baseUrl()).register(closed, emailOf(closed), FINE);

        assertThat(accepted.status()).isEqualTo(303);
        assertThat(usersNamed(open)).isOne();
        assertThat(acceptedAfterMillis)
                .as("the sign-up waited for the timeout, not for the API")
                .isLessThan(1_900);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors("password"))
                .containsExactly("We could not check this password against known data breaches just now. Nothing was "
                        + "changed: please try again in a moment.");
        assertThat(usersNamed(closed)).isZero();
    }

    @Test
    void aServerErrorOfTheApiIsNoBreachWhenFailingOpenAndNoPageErrorEither() {
        range.answerWith(500);
        String open = uniqueUsername("ErrOpen");
        String closed = uniqueUsername("ErrClosed");

        Page accepted = new Browser(failOpen.baseUrl()).register(open, emailOf(open), BREACHED);
        Page refused = new Browser(failClosed.baseUrl()).register(closed, emailOf(closed), BREACHED);

        assertThat(accepted.status()).isEqualTo(303);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldErrors("password")).singleElement().asString().contains("try again");
        assertThat(usersNamed(closed)).isZero();
    }

    @Test
    void aPasswordChangeToABreachedPasswordIsRefusedAndTheOldPasswordStillSignsIn() {
        String username = uniqueUsername("Changer");
        Browser browser = new Browser(failOpen.baseUrl());
        assertThat(browser.register(username, emailOf(username), FINE).status()).isEqualTo(303);

        Page page = browser.submit(
                "/account/password",
                "/account/password",
                Map.of("current-password", FINE, "password", BREACHED, "password2", BREACHED));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("This password has appeared in a data breach");
        browser.logOut();
        browser.logIn(username, FINE, false);
        assertThat(browser.open("/").heading()).isEqualTo("Hi, " + username + "!");
        Browser withTheRefusedOne = new Browser(failOpen.baseUrl());
        withTheRefusedOne.logIn(username, BREACHED, false);
        assertThat(withTheRefusedOne.open("/").heading()).isEqualTo("Hello, Anonymous!");
    }

    @Test
    void nothingLoggedHoldsThePasswordOrItsHash() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            range.answerWith(503);
            String username = uniqueUsername("Quiet");
            new Browser(failOpen.baseUrl()).register(username, emailOf(username), BREACHED);
            range.answerWith(200);
            new Browser(failOpen.baseUrl()).register(username, emailOf(username), BREACHED);
        } finally {
            root.detachAppender(captured);
        }
        String hash = FakeRangeServer.sha1(BREACHED);
        assertThat(captured.list)
                .map(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain(BREACHED)
                        .doesNotContainIgnoringCase(hash)
                        .doesNotContainIgnoringCase(hash.substring(5))
                        .doesNotContainIgnoringCase("/range/" + hash.substring(0, 5)));
    }
}
