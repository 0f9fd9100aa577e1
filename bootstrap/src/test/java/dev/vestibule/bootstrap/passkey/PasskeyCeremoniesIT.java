package dev.vestibule.bootstrap.passkey;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.webauthn.testing.SoftwareAuthenticator;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.Passkeys;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ceremonies over HTTP with a software authenticator, against two instances of one deployment (one PostgreSQL,
 * one Redis, the same public URL): a ceremony begun on one finishes on the other, an assertion or a challenge
 * counts once across both, and a password sign-in of a user with a passkey waits for the second step.
 */
class PasskeyCeremoniesIT {

    private static RunningVestibule first;
    private static RunningVestibule second;
    private static String publicUrl;
    private static String firstUrl;
    private static String secondUrl;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        publicUrl = "http://localhost:" + port;
        first = RunningVestibule.start("--server.port=" + port, "--vestibule.public-url=" + publicUrl);
        second = RunningVestibule.start("--vestibule.public-url=" + publicUrl);
        firstUrl = publicUrl;
        secondUrl = second.baseUrl().replace("127.0.0.1", "localhost");
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    /** A new user, signed in on the first instance, with a passkey; answers the browser and the passkey. */
    private static SoftwareAuthenticator userWithPasskey(Browser browser, String username) {
        browser.register(username, emailOf(username), PASSWORD);
        SoftwareAuthenticator authenticator = Passkeys.authenticatorFor(publicUrl);
        assertThat(Passkeys.add(browser, authenticator).status()).isEqualTo(200);
        return authenticator;
    }

    private static boolean signedIn(Browser browser) {
        return browser.get("/top-secret").status() == 200;
    }

    @Test
    void aRegistrationBegunOnOneInstanceFinishesOnTheOther() {
        String username = uniqueUsername("PkTwoReg");
        Browser browser = new Browser(firstUrl);
        browser.register(username, emailOf(username), PASSWORD);
        SoftwareAuthenticator authenticator = Passkeys.authenticatorFor(publicUrl);
        String token = browser.csrfToken("/account/passkeys");
        Page options = browser.postJson("/account/passkeys/registration/options", token, "{}");

        Page added = browser.switchTo(secondUrl)
                .postJson(
                        "/account/passkeys/registration",
                        token,
                        "{\"credential\":" + authenticator.create(options.body()) + "}");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(browser.switchTo(firstUrl).open("/account/passkeys").html().select("li.passkey"))
                .hasSize(1);
    }

    @Test
    void aSignInBegunOnOneInstanceFinishesOnTheOtherWithoutAPassword() {
        Browser setup = new Browser(firstUrl);
        SoftwareAuthenticator authenticator = userWithPasskey(setup, uniqueUsername("PkTwoIn"));

        Browser browser = new Browser(secondUrl);
        Passkeys.Started started = Passkeys.beginSignIn(browser);
        Page signedIn =
                Passkeys.finishSignIn(browser.switchTo(firstUrl), started, authenticator.get(started.options()));

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"redirect\":\"/\"");
        assertThat(signedIn(browser)).isTrue();
        assertThat(signedIn(browser.switchTo(secondUrl))).isTrue();
    }

    @Test
    void aReplayedAssertionIsRefusedOnEitherInstance() {
        Browser setup = new Browser(firstUrl);
        SoftwareAuthenticator authenticator = userWithPasskey(setup, uniqueUsername("PkReplay"));
        Browser browser = new Browser(firstUrl);
        Passkeys.Started started = Passkeys.beginSignIn(browser);
        String assertion = authenticator.get(started.options());
        assertThat(Passkeys.finishSignIn(browser, started, assertion).status()).isEqualTo(200);

        Browser attacker = new Browser(secondUrl);
        Passkeys.Started own = Passkeys.beginSignIn(attacker);
        Page replay = Passkeys.finishSignIn(attacker, own, assertion);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).contains("\"error\":\"refused\"");
        assertThat(signedIn(attacker)).isFalse();
    }

    @Test
    void aChallengeAnsweredTwiceCountsOnce() {
        Browser setup = new Browser(firstUrl);
        SoftwareAuthenticator authenticator = userWithPasskey(setup, uniqueUsername("PkTwice"));
        Browser browser = new Browser(firstUrl);
        Passkeys.Started started = Passkeys.beginSignIn(browser);
        String firstAnswer = authenticator.getFor(started.challenge(), publicUrl, 10);
        String secondAnswer = authenticator.getFor(started.challenge(), publicUrl, 11);

        Page one = Passkeys.finishSignIn(browser, started, firstAnswer);
        Browser other = new Browser(secondUrl);
        Page two = Passkeys.finishSignIn(other, new Passkeys.Started(other.csrfToken("/login"), ""), secondAnswer);

        assertThat(one.status()).isEqualTo(200);
        assertThat(two.status()).isEqualTo(401);
        assertThat(signedIn(other)).isFalse();
    }

    @Test
    void anAssertionFromAnotherOriginIsRefused() {
        Browser setup = new Browser(firstUrl);
        SoftwareAuthenticator authenticator = userWithPasskey(setup, uniqueUsername("PkPhish"));
        Browser browser = new Browser(firstUrl);
        Passkeys.Started started = Passkeys.beginSignIn(browser);

        Page phished = Passkeys.finishSignIn(
                browser, started, authenticator.getFor(started.challenge(), "https://vestibule.example.net", 1));

        assertThat(phished.status()).isEqualTo(401);
    }

    @Test
    void aPasswordSignInOfAUserWithAPasskeyWaitsForTheSecondStepWhichThePasskeyFinishes() {
        String username = uniqueUsername("PkSecond");
        Browser setup = new Browser(firstUrl);
        SoftwareAuthenticator authenticator = userWithPasskey(setup, username);

        Browser browser = new Browser(firstUrl);
        Page password = browser.logIn(username, PASSWORD, false);
        assertThat(password.location()).contains("/login/two-factor");
        assertThat(browser.get("/top-secret").status()).as("not signed in yet").isEqualTo(302);

        String token = browser.csrfToken("/login/two-factor/passkey");
        Page options = browser.switchTo(secondUrl).postJson("/login/two-factor/passkey-options", token, "{}");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).contains(authenticator.credentialId());
        Page finished = browser.switchTo(firstUrl)
                .postJson(
                        "/login/two-factor/passkey",
                        token,
                        "{\"credential\":" + authenticator.get(options.body()) + "}");

        assertThat(finished.status()).as(finished.body()).isEqualTo(200);
        assertThat(signedIn(browser)).isTrue();
    }

    @Test
    void theSecondStepRefusesAnotherUsersPasskey() {
        String username = uniqueUsername("PkVictim");
        userWithPasskey(new Browser(firstUrl), username);
        SoftwareAuthenticator attackers = userWithPasskey(new Browser(firstUrl), uniqueUsername("PkAttacker"));

        Browser browser = new Browser(firstUrl);
        browser.logIn(username, PASSWORD, false);
        String token = browser.csrfToken("/login/two-factor/passkey");
        Page options = browser.postJson("/login/two-factor/passkey-options", token, "{}");
        Page finished = browser.postJson(
                "/login/two-factor/passkey",
                token,
                "{\"credential\":" + attackers.getFor(SoftwareAuthenticator.challengeOf(options.body()), publicUrl, 1)
                        + "}");

        assertThat(finished.status()).isEqualTo(401);
        assertThat(signedIn(browser)).isFalse();
    }

    @Test
    void badJsonIsA400WithAReasonNeverA500() {
        Browser browser = new Browser(firstUrl);
        String token = browser.csrfToken("/login");

        for (String body : new String[] {"", "{", "[1]", "{\"credential\":{}}", "{\"credential\":{\"id\":\"x\"}}"}) {
            Page answer = browser.postJson("/login/passkey", token, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"error\":\"malformed\"");
        }
    }
}
