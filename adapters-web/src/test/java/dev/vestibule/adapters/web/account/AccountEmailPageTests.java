package dev.vestibule.adapters.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class AccountEmailPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    InMemoryMailOutbox outbox;

    /** Only ever moved forward: the login buckets share it, and do not expect time to run backwards. */
    @Autowired
    MutableClock clock;

    @Test
    void emailPageWhenAnonymousThenLoginWithNext() {
        assertThat(new Browser(client).get("/account/email").location()).isEqualTo("/login?next=/account/email");
    }

    @Test
    void emailPageShowsTheCurrentAddressAndAsksForTheNewOne() {
        TestUser user = TestUsers.registered(registerUser, "MailShow");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page page = browser.get("/account/email");

        assertThat(page.heading()).isEqualTo("Change your email address");
        assertThat(page.document().select("main").text()).contains("Your email address is " + user.email() + ".");
        assertThat(page.document().select("label[for=email]").text()).isEqualTo("New email address");
        assertThat(page.document().select("input#email").attr("autocomplete")).isEqualTo("email");
        assertThat(page.document().select("input[name=current-password]"))
                .as("the window is open")
                .isEmpty();
    }

    @Test
    void aNewAddressGetsTheLinkTheOldOneTheNoticeAndTheAddressStaysUntilConfirmed() {
        TestUser user = TestUsers.registered(registerUser, "MailNew");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String newAddress = "new-" + user.email();
        Page form = browser.get("/account/email");

        Page sent = browser.post("/account/email", Map.of("_csrf", form.csrfToken(), "email", newAddress));

        assertThat(sent.location()).isEqualTo("/account/email");
        assertThat(browser.follow(sent).flashes())
                .containsExactly("We have sent a link to " + newAddress
                        + ". Open it to confirm the new address; until then your current address stays.");
        assertThat(users.findByLogin(user.username()).block().email().value()).isEqualTo(user.email());
        List<InMemoryMailOutbox.Entry> mails = mailsAbout(user);
        assertThat(mails)
                .filteredOn(entry -> entry.kind() == MailKind.EMAIL_CONFIRMATION_LINK)
                .extracting(entry -> entry.mail().to().value())
                .contains(newAddress);
        EmailConfirmationLink link = (EmailConfirmationLink) mails.stream()
                .filter(entry -> entry.mail().to().value().equals(newAddress))
                .findFirst()
                .orElseThrow()
                .mail();
        assertThat(link.link()).startsWith(WebAdapterTestApplication.PUBLIC_URL + "/email-confirmation/");
        assertThat(mails)
                .filteredOn(entry -> entry.kind() == MailKind.EMAIL_CHANGE_REQUESTED_NOTICE)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.mail().to().value()).isEqualTo(user.email());
                    assertThat(((SecurityNotice) entry.mail()).notice())
                            .isEqualTo(SecurityNotice.Notice.EMAIL_CHANGE_REQUESTED);
                });
    }

    @Test
    void aMalformedAddressIsRefusedAtItsFieldWithoutAskingThePassword() {
        TestUser user = TestUsers.registered(registerUser, "MailBad");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/email");

        Page refused = browser.post("/account/email", Map.of("_csrf", form.csrfToken(), "email", "not an address"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select("#email-errors .field-error").text())
                .isEqualTo("Please enter a valid email address, like name@example.com.");
        assertThat(refused.document().select("input#email").attr("value")).isEqualTo("not an address");
        assertThat(refused.document().select(".error-summary a").attr("href")).isEqualTo("#email");
    }

    @Test
    void anAddressAnotherAccountHasIsRefusedInTheWordsOfSignUp() {
        TestUser user = TestUsers.registered(registerUser, "MailMine");
        TestUser other = TestUsers.registered(registerUser, "MailTheirs");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/email");
        int queued = outbox.entries().size();

        Page refused = browser.post(
                "/account/email",
                Map.of("_csrf", form.csrfToken(), "email", other.email().toUpperCase()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select("#email-errors .field-error").text())
                .isEqualTo("An account with this email address already exists.");
        assertThat(outbox.entries()).hasSize(queued);
    }

    @Test
    void theSameAddressAgainIsSaidToBeUnchanged() {
        TestUser user = TestUsers.registered(registerUser, "MailSame");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/email");

        Page refused = browser.post("/account/email", Map.of("_csrf", form.csrfToken(), "email", user.email()));

        assertThat(refused.document().select("#email-errors .field-error").text())
                .isEqualTo("That already is your email address.");
    }

    @Test
    void afterTheWindowClosedTheCurrentPasswordIsAskedAndAWrongOneChangesNothing() {
        TestUser user = TestUsers.registered(registerUser, "MailLate");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        clock.advance(Duration.ofMinutes(6));
        Page form = browser.get("/account/email");
        assertThat(form.document().select("label[for=current-password]").text()).isEqualTo("Current password");
        int queued = outbox.entries().size();

        Page refused = browser.post(
                "/account/email",
                Map.of("_csrf", form.csrfToken(), "email", "late-" + user.email(), "current-password", "nope"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document()
                        .select("#current-password-errors .field-error")
                        .text())
                .isEqualTo("That is not your current password.");
        assertThat(refused.document().select("input#email").attr("value")).isEqualTo("late-" + user.email());
        assertThat(outbox.entries()).hasSize(queued);
    }

    @Test
    void aRightCurrentPasswordOpensANewWindow() {
        TestUser user = TestUsers.registered(registerUser, "MailRenew");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        clock.advance(Duration.ofMinutes(6));
        Page form = browser.get("/account/email");
        browser.post(
                "/account/email",
                Map.of(
                        "_csrf",
                        form.csrfToken(),
                        "email",
                        "renew-" + user.email(),
                        "current-password",
                        user.password()));

        Page again = browser.get("/account/email");

        assertThat(again.document().select("input[name=current-password]"))
                .as("a password given a moment ago opens a new window")
                .isEmpty();
    }

    private List<InMemoryMailOutbox.Entry> mailsAbout(TestUser user) {
        var id = users.findByLogin(user.username()).block().id();
        return outbox.entries().stream()
                .filter(entry -> entry.userId().equals(id) && entry.mail() != null)
                .toList();
    }
}
