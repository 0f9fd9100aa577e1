package dev.vestibule.adapters.web.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.port.in.RegisterUser;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The password-reset pages in the web slice, over the real use cases and in-memory stores: the form linked from
 * the login page, one answer for every address, the link's form and its refusals, and the end of the journey.
 */
@WebAdapterTest
class PasswordResetPageTests {

    private static final String NEW_PASSWORD = "saffron comet ladder 5";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryMailOutbox outbox;

    @Test
    void theLoginPageLinksToTheResetForm() {
        Page login = new Browser(client).get("/login");

        assertThat(login.document().select("main a[href=/password-reset]").text())
                .isEqualTo("Forgot your password?");
    }

    @Test
    void theFormAsksForTheEmailWithALabelAndACsrfToken() {
        Page form = new Browser(client).get("/password-reset");

        assertThat(form.statusCode()).isEqualTo(200);
        Document page = form.document();
        assertThat(page.select("main h1").text()).isEqualTo("Forgot your password?");
        assertThat(page.select("form[method=post][action=/password-reset] input[name=email][type=email]"))
                .hasSize(1);
        assertThat(page.select("label[for=email]").text()).isEqualTo("Email");
        assertThat(page.select("input#email").attr("autocomplete")).isEqualTo("email");
        assertThat(form.csrfToken()).isNotBlank();
    }

    @Test
    void anAddressWithAnAccountAndOneWithoutGetTheSameAnswerOnlyTheFirstAMail() {
        TestUser user = TestUsers.registered(registerUser, "Vergessen");
        Browser browser = new Browser(client);

        Page known = request(browser, user.email().toUpperCase(java.util.Locale.ROOT));
        Page unknown = request(browser, "nobody-" + user.username().toLowerCase() + "@example.com");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(unknown.body()));
        assertThat(known.document().select("main h1").text()).isEqualTo("Check your mail");
        assertThat(known.body()).doesNotContain(user.email());
        assertThat(resetMailsTo(user.email())).hasSize(1);
        assertThat(resetMailsTo(user.email()).get(0).link())
                .startsWith(WebAdapterTestApplication.PUBLIC_URL + "/password-reset/");
        assertThat(resetMailsTo("nobody-" + user.username().toLowerCase() + "@example.com"))
                .isEmpty();
    }

    @Test
    void aThrottledRequestGetsTheSameAnswerAndNoMail() {
        TestUser user = TestUsers.registered(registerUser, "Flut");
        Browser browser = new Browser(client);
        Page first = request(browser, user.email());

        Page last = first;
        for (int i = 0; i < 4; i++) {
            last = request(browser, user.email());
        }

        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(last.body())).isEqualTo(withoutCsrf(first.body()));
        assertThat(resetMailsTo(user.email())).hasSize(3);
    }

    @Test
    void textThatIsNoAddressIsRefusedAtTheField() {
        Browser browser = new Browser(client);

        Page refused = request(browser, "not an address");

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".error-summary a[href=#email]").text())
                .isEqualTo("Please enter a valid email address, like name@example.com.");
        assertThat(page.select("input#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("input#email").attr("value")).isEqualTo("not an address");
    }

    @Test
    void theLinkOpensTheNewPasswordFormWithoutReferrer() {
        TestUser user = TestUsers.registered(registerUser, "Verlinkt");
        Browser browser = new Browser(client);
        request(browser, user.email());
        String path = linkPath(user.email());

        Page form = browser.get(path);

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        Document page = form.document();
        assertThat(page.select("main h1").text()).isEqualTo("Choose a new password");
        assertThat(page.select("form[method=post]").attr("action")).isEqualTo(path);
        assertThat(page.select("input[name=password][type=password]").attr("autocomplete"))
                .isEqualTo("new-password");
        assertThat(page.select("input[name=password2][type=password]")).hasSize(1);
        assertThat(page.select("label[for=password]").text()).isEqualTo("New password");
        assertThat(page.select("label[for=password2]").text()).isEqualTo("Repeat new password");
        assertThat(form.csrfToken()).isNotBlank();
        assertThat(browser.get(path).statusCode()).as("opening spends nothing").isEqualTo(200);
    }

    @Test
    void anUnknownOrMalformedLinkSaysItNoLongerWorksWithNoForm() {
        Browser browser = new Browser(client);

        for (String path :
                List.of("/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/password-reset/short")) {
            Page gone = browser.get(path);

            assertThat(gone.statusCode()).as(path).isEqualTo(410);
            assertThat(gone.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(gone.document().select("main h1").text()).isEqualTo("This link no longer works");
            assertThat(gone.document().select("main form")).isEmpty();
            assertThat(gone.document().select("main a[href=/password-reset]")).hasSize(1);
        }
    }

    @Test
    void aRefusedPasswordShowsWhyAndLeavesTheLinkUnspent() {
        TestUser user = TestUsers.registered(registerUser, "Schwach");
        Browser browser = new Browser(client);
        request(browser, user.email());
        String path = linkPath(user.email());
        Page form = browser.get(path);

        Page refused =
                browser.post(path, Map.of("_csrf", form.csrfToken(), "password", "short1", "password2", "different"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        Document page = refused.document();
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#password", "#password2");
        assertThat(page.select("#password-errors .field-error").text())
                .isEqualTo("Password must be at least 15 characters long.");
        assertThat(page.select("#password2-errors .field-error").text()).isEqualTo("The two passwords do not match.");
        assertThat(page.select("input#password").attr("value")).isEmpty();
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordSpendsTheLinkAndOnlyItSignsInAfterwards() {
        TestUser user = TestUsers.registered(registerUser, "Neustart");
        Browser browser = new Browser(client);
        request(browser, user.email());
        String path = linkPath(user.email());
        Page form = browser.get(path);

        Page done = browser.post(
                path, Map.of("_csrf", form.csrfToken(), "password", NEW_PASSWORD, "password2", NEW_PASSWORD));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.location()).isEqualTo("/login");
        Page login = browser.follow(done);
        assertThat(login.flashes())
                .containsExactly(
                        "Your password has been changed and every browser signed in to your account has been signed out. Please log in with your new password.");
        assertThat(browser.get(path).statusCode()).isEqualTo(410);
        Page replay = browser.post(
                path,
                Map.of(
                        "_csrf",
                        browser.get("/password-reset").csrfToken(),
                        "password",
                        "another passphrase 6",
                        "password2",
                        "another passphrase 6"));
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(outbox.entries())
                .extracting(InMemoryMailOutbox.Entry::mail)
                .filteredOn(mail -> mail instanceof SecurityNotice notice
                        && notice.to().value().equals(user.email())
                        && notice.notice() == SecurityNotice.Notice.PASSWORD_RESET)
                .hasSize(1);

        Browser other = new Browser(client);
        assertThat(other.logIn(user.username(), user.password(), false, null).location())
                .as("the old password")
                .isEqualTo("/login");
        assertThat(other.logIn(user.username(), NEW_PASSWORD, false, null).location())
                .as("the new password")
                .isEqualTo("/");
    }

    @Test
    void theThrottledLoginPageOffersTheResetInsteadOfWaiting() {
        TestUser user = TestUsers.registered(registerUser, "Wartend");
        Browser browser = new Browser(client);
        Page throttled = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            throttled = browser.logIn(user.username(), "not the password " + attempt, false, null);
        }

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.document().select("main a[href=/password-reset]").text())
                .isEqualTo("Reset your password");
        assertThat(throttled.document().select("main").text()).doesNotContain("waiting is the only way");
    }

    @Test
    void aFieldLongerThanTheContractAllowsIsRefusedBeforeAnythingElse() {
        Browser browser = new Browser(client);
        Page form = browser.get("/password-reset");

        Page refused =
                browser.post("/password-reset", Map.of("_csrf", form.csrfToken(), "email", "a".repeat(300) + "@x.de"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Page linkForm = browser.post(
                "/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                Map.of("_csrf", form.csrfToken(), "password", "p".repeat(2000), "password2", "x"));
        assertThat(linkForm.statusCode()).isEqualTo(400);
    }

    private static Page request(Browser browser, String email) {
        Page form = browser.get("/password-reset");
        return browser.post("/password-reset", Map.of("_csrf", form.csrfToken(), "email", email));
    }

    private List<PasswordResetLink> resetMailsTo(String email) {
        return outbox.entries().stream()
                .map(InMemoryMailOutbox.Entry::mail)
                .filter(mail -> mail instanceof PasswordResetLink link
                        && link.to().value().equals(email))
                .map(PasswordResetLink.class::cast)
                .toList();
    }

    private String linkPath(String email) {
        List<PasswordResetLink> mails = resetMailsTo(email);
        return mails.get(mails.size() - 1).link().substring(WebAdapterTestApplication.PUBLIC_URL.length());
    }

    /** The pages differ only in the CSRF token each render may carry (there is none on the answer page today). */
    static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }
}
