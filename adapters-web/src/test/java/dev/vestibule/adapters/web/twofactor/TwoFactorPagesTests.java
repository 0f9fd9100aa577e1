package dev.vestibule.adapters.web.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.twofactor.Base32;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The account's two-factor pages and the second step of a sign-in, through the real security configuration. */
@WebAdapterTest
class TwoFactorPagesTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryMailOutbox outbox;

    /** Only ever moved forward: the buckets share it. */
    @Autowired
    MutableClock clock;

    @Test
    void overviewWhenAnonymousThenLoginWithNext() {
        assertThat(new Browser(client).get("/account/two-factor").location())
                .isEqualTo("/login?next=/account/two-factor");
    }

    @Test
    void accountPageLinksTheTwoFactorPageWhichShowsEveryFactor() {
        TestUser user = TestUsers.registered(registerUser, "TfOverview");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        assertThat(browser.get("/account")
                        .document()
                        .select("a[href=/account/two-factor]")
                        .text())
                .isEqualTo("Two-factor authentication");
        Page page = browser.get("/account/two-factor");

        assertThat(page.heading()).isEqualTo("Two-factor authentication");
        assertThat(page.document().select("dl.details").text())
                .contains("Authenticator app Off")
                .contains("Passkeys 0");
        assertThat(page.document().select("a[href=/account/passkeys]")).hasSize(1);
        assertThat(page.document().select("a[href=/account/two-factor/totp]").text())
                .isEqualTo("Set up an authenticator app");
    }

    @Test
    void setupPageShowsTheQrCodeAsInlineSvgTheSecretAndItsUriAndTheSameOnReload() {
        TestUser user = TestUsers.registered(registerUser, "TfSetup");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page page = browser.get("/account/two-factor/totp");

        Element svg = page.document().selectFirst(".qr svg");
        assertThat(svg).isNotNull();
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("aria-label")).isNotBlank();
        assertThat(page.document().select("[style]")).isEmpty();
        assertThat(page.document().select("img, script")).isEmpty();
        String secret = secretOn(page);
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(page.document().select("code.otpauth-uri").text())
                .isEqualTo("otpauth://totp/Vestibule:" + user.username() + "?secret=" + secret
                        + "&issuer=Vestibule&algorithm=SHA1&digits=6&period=30");
        assertThat(page.document().select("input#code").attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(secretOn(browser.get("/account/two-factor/totp"))).isEqualTo(secret);
    }

    @Test
    void aWrongCodeKeepsTheSecretAndSaysSo() {
        TestUser user = TestUsers.registered(registerUser, "TfWrong");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page page = browser.get("/account/two-factor/totp");
        String secret = secretOn(page);
        String wrong = Totp.code(TotpSecret.of(Base32.decode(secret)), Totp.stepAt(clock.instant()) + 5);

        Page refused = browser.post("/account/two-factor/totp", Map.of("_csrf", page.csrfToken(), "code", wrong));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select("#code-errors").text()).startsWith("That is not the code the app shows");
        assertThat(secretOn(refused)).isEqualTo(secret);
    }

    @Test
    void enrolShowsTenRecoveryCodesOnceThenTheLoginAsksForTheSecondStep() {
        TestUser user = TestUsers.registered(registerUser, "TfEnrol");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        TotpSecret secret = enrol(browser);

        assertThat(browser.get("/account/two-factor")
                        .document()
                        .select("dl.details")
                        .text())
                .contains("Authenticator app On")
                .contains("Recovery codes left 10");
        assertThat(outbox.entries())
                .anySatisfy(entry -> assertThat(entry.kind()).isEqualTo(MailKind.SECOND_FACTOR_CHANGED_NOTICE));
        browser.logOut();

        Browser next = new Browser(client);
        Page afterPassword = next.logIn(user.username(), user.password(), true, null);
        assertThat(afterPassword.location()).isEqualTo("/login/two-factor");
        assertThat(afterPassword.cookie("remember-me"))
                .as("not before the second step")
                .isEmpty();
        assertThat(next.get("/top-secret").location()).startsWith("/login");
        assertThat(next.get("/account").location()).startsWith("/login");

        Page step = next.get("/login/two-factor");
        assertThat(step.statusCode()).isEqualTo(200);
        Element code = step.document().selectFirst("input#code");
        assertThat(code.attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(code.attr("inputmode")).as("recovery codes have letters").isEmpty();
        assertThat(step.document().select("label[for=code]").text()).isEqualTo("Authentication code or recovery code");

        clock.advance(Duration.ofSeconds(30));
        Page signedIn = next.post("/login/two-factor", Map.of("_csrf", step.csrfToken(), "code", currentCode(secret)));
        assertThat(signedIn.statusCode()).isIn(302, 303);
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(signedIn.cookie("remember-me"))
                .as("issued once the second step passed")
                .isPresent();
        assertThat(next.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCodeIs422TheReplayedCodeTooAndARecoveryCodeWorksOnce() {
        TestUser user = TestUsers.registered(registerUser, "TfCodes");
        Browser owner = new Browser(client);
        owner.logInAndLand(user);
        Page codesPage = enrolPage(owner);
        List<String> codes = codesPage.document().select(".recovery-code").eachText();
        TotpSecret secret = secretOf(owner);
        clock.advance(Duration.ofSeconds(30));

        Browser first = new Browser(client);
        first.logIn(user);
        String code = currentCode(secret);
        Page step = first.get("/login/two-factor");
        assertThat(first.post("/login/two-factor", Map.of("_csrf", step.csrfToken(), "code", code))
                        .location())
                .isEqualTo("/");

        Browser second = new Browser(client);
        second.logIn(user);
        Page again = second.get("/login/two-factor");
        Page replayed = second.post("/login/two-factor", Map.of("_csrf", again.csrfToken(), "code", code));
        assertThat(replayed.statusCode()).isEqualTo(422);
        assertThat(replayed.document().select("[role=alert]").text()).startsWith("That code is not right");
        assertThat(replayed.showsSignedIn()).isFalse();

        Page recovered = second.post(
                "/login/two-factor",
                Map.of("_csrf", replayed.csrfToken(), "code", codes.get(0).toLowerCase()));
        assertThat(recovered.location()).isEqualTo("/");
        assertThat(outbox.entries())
                .anySatisfy(entry -> assertThat(entry.kind()).isEqualTo(MailKind.RECOVERY_CODE_USED_NOTICE));

        Browser third = new Browser(client);
        third.logIn(user);
        Page once = third.get("/login/two-factor");
        assertThat(third.post("/login/two-factor", Map.of("_csrf", once.csrfToken(), "code", codes.get(0)))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void secondStepWithoutAPendingLoginGoesToTheLoginPage() {
        Browser visitor = new Browser(client);

        assertThat(visitor.get("/login/two-factor").location()).isEqualTo("/login");
        Page login = visitor.get("/login");
        assertThat(visitor.post("/login/two-factor", Map.of("_csrf", login.csrfToken(), "code", "123456"))
                        .location())
                .isEqualTo("/login");
    }

    @Test
    void aLapsedSecondStepSendsBackToTheLoginPageSayingItTimedOut() {
        TestUser user = TestUsers.registered(registerUser, "TfLapse");
        Browser owner = new Browser(client);
        owner.logInAndLand(user);
        enrol(owner);
        Browser browser = new Browser(client);
        browser.logIn(user);
        clock.advance(PendingLogin.LIFETIME.plusSeconds(1));

        Page lapsed = browser.get("/login/two-factor");

        assertThat(lapsed.location()).isEqualTo("/login");
        assertThat(browser.follow(lapsed).flashes())
                .containsExactly("The second step of your login timed out. Please log in again.");
        assertThat(browser.get("/login/two-factor").location()).isEqualTo("/login");
    }

    @Test
    void disablingAfterTheWindowClosedAsksForThePasswordThenTurnsTheAppOff() {
        TestUser user = TestUsers.registered(registerUser, "TfOff");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        enrol(browser);
        clock.advance(Duration.ofMinutes(6));

        Page overview = browser.get("/account/two-factor");
        assertThat(overview.document().select("input#disable-current-password").attr("autocomplete"))
                .isEqualTo("current-password");
        Page refused = browser.post("/account/two-factor/disable", Map.of("_csrf", overview.csrfToken()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select("#disable-current-password-errors").text())
                .isEqualTo("Please enter your current password.");

        Page off = browser.post(
                "/account/two-factor/disable",
                Map.of("_csrf", refused.csrfToken(), "current-password", user.password()));
        assertThat(off.location()).isEqualTo("/account/two-factor");
        assertThat(browser.follow(off).document().select("dl.details").text()).contains("Authenticator app Off");
    }

    @Test
    void regeneratingShowsTenNewCodes() {
        TestUser user = TestUsers.registered(registerUser, "TfRegen");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        List<String> first =
                enrolPage(browser).document().select(".recovery-code").eachText();
        Page overview = browser.get("/account/two-factor");

        Page regenerated = browser.post("/account/two-factor/recovery-codes", Map.of("_csrf", overview.csrfToken()));

        assertThat(regenerated.statusCode()).isEqualTo(200);
        List<String> codes = regenerated.document().select(".recovery-code").eachText();
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(first);
    }

    @Test
    void germanTextsOnTheSecondStep() {
        TestUser user = TestUsers.registered(registerUser, "TfDe");
        Browser owner = new Browser(client);
        owner.logInAndLand(user);
        enrol(owner);
        Browser browser = Browser.speaking(client, "de");
        browser.logIn(user);

        Page step = browser.get("/login/two-factor");

        assertThat(step.heading()).isEqualTo("Zwei-Faktor-Authentifizierung");
        assertThat(step.document().select("label[for=code]").text())
                .isEqualTo("Authentifizierungscode oder Wiederherstellungscode");
    }

    // --- helpers

    private final Map<Browser, TotpSecret> secrets = new HashMap<>();

    private TotpSecret enrol(Browser browser) {
        enrolPage(browser);
        return secretOf(browser);
    }

    private Page enrolPage(Browser browser) {
        Page setup = browser.get("/account/two-factor/totp");
        TotpSecret secret = TotpSecret.of(Base32.decode(secretOn(setup)));
        secrets.put(browser, secret);
        Page codes = browser.post(
                "/account/two-factor/totp", Map.of("_csrf", setup.csrfToken(), "code", currentCode(secret)));
        assertThat(codes.statusCode()).isEqualTo(200);
        assertThat(codes.document().select(".recovery-code")).hasSize(10);
        assertThat(codes.document().select(".recovery-code").eachText())
                .allSatisfy(code -> assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        return codes;
    }

    private TotpSecret secretOf(Browser browser) {
        return secrets.get(browser);
    }

    private String currentCode(TotpSecret secret) {
        return Totp.code(secret, Totp.stepAt(clock.instant()));
    }

    private static String secretOn(Page page) {
        return page.document().select("code.totp-secret").text().replace(" ", "");
    }
}
