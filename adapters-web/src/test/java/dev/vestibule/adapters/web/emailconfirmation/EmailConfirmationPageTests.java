package dev.vestibule.adapters.web.emailconfirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RegistrationCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class EmailConfirmationPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    InMemoryMailOutbox outbox;

    @Test
    void signUpMailsAConfirmationLinkToTheNewAddressBuiltFromThePublicUrl() {
        TestUser user = TestUsers.registered(registerUser, "ConfSignUp");

        EmailConfirmationLink link = linkMailedTo(user.email());

        assertThat(link.link()).matches(WebAdapterTestApplication.PUBLIC_URL + "/email-confirmation/[A-Za-z0-9_-]{43}");
        assertThat(userOf(user).isEmailConfirmed()).isFalse();
    }

    @Test
    void openingTheLinkShowsTheAddressAndAButtonAndChangesNothing() {
        TestUser user = TestUsers.registered(registerUser, "ConfLook");
        String path = pathOf(linkMailedTo(user.email()));
        Browser visitor = new Browser(client);

        for (int scan = 0; scan < 3; scan++) {
            Page page = visitor.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.heading()).isEqualTo("Confirm your email address");
            assertThat(page.document().select("main").text()).contains(user.email());
            assertThat(page.document()
                            .select("form[action=" + path + "] button")
                            .text())
                    .isEqualTo("Confirm This Address");
        }

        assertThat(userOf(user).isEmailConfirmed()).isFalse();
    }

    @Test
    void theButtonConfirmsTheAddressOnceAndTheLinkIsThenSpent() {
        TestUser user = TestUsers.registered(registerUser, "ConfOnce");
        String path = pathOf(linkMailedTo(user.email()));
        Browser visitor = new Browser(client);
        Page page = visitor.get(path);

        Page confirmed = visitor.post(path, Map.of("_csrf", page.csrfToken()));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(confirmed.heading()).isEqualTo("Email address confirmed");
        assertThat(userOf(user).isEmailConfirmed()).isTrue();
        Page again = visitor.post(path, Map.of("_csrf", page.csrfToken()));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.heading()).isEqualTo("This link no longer works");
        Page reopened = visitor.get(path);
        assertThat(reopened.statusCode()).isEqualTo(410);
        assertThat(reopened.document().select("main form")).isEmpty();
    }

    @Test
    void anUnknownOrMalformedTokenGetsTheSamePageWithoutAButton() {
        for (String token : new String[] {"A".repeat(43), "short", "not%20a%20token"}) {
            Page page = new Browser(client).get("/email-confirmation/" + token);

            assertThat(page.statusCode()).as(token).isEqualTo(410);
            assertThat(page.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.document().select("main form")).isEmpty();
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndConfirmsNothing() {
        TestUser user = TestUsers.registered(registerUser, "ConfCsrf");
        String path = pathOf(linkMailedTo(user.email()));

        Page refused = new Browser(client).post(path, Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(userOf(user).isEmailConfirmed()).isFalse();
    }

    @Test
    void aNewAddressChangesOnlyWhenItsLinkIsConfirmed() {
        TestUser user = TestUsers.registered(registerUser, "ConfNew");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String newAddress = "moved-" + user.email();
        browser.post(
                "/account/email", Map.of("_csrf", browser.get("/account/email").csrfToken(), "email", newAddress));
        String path = pathOf(linkMailedTo(newAddress));
        assertThat(userOf(user).email().value()).isEqualTo(user.email());

        Page confirmed = browser.post(path, Map.of("_csrf", browser.get(path).csrfToken()));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.document().select("main").text()).contains(newAddress);
        User changed = userOf(user);
        assertThat(changed.email().value()).isEqualTo(newAddress);
        assertThat(changed.isEmailConfirmed()).isTrue();
        assertThat(new Browser(client)
                        .logIn(newAddress, user.password(), false, null)
                        .location())
                .isEqualTo("/");
    }

    @Test
    void whenTheAddressWasTakenMeanwhileAClearPageAndNothingChanges() {
        TestUser user = TestUsers.registered(registerUser, "ConfRace");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String wanted = "wanted-" + user.email();
        browser.post(
                "/account/email", Map.of("_csrf", browser.get("/account/email").csrfToken(), "email", wanted));
        String path = pathOf(linkMailedTo(wanted));
        registerUser
                .register(
                        new RegistrationCommand("Quick-" + user.username(), wanted, user.password(), user.password()),
                        Origin.unknown())
                .block();

        Page taken = browser.post(path, Map.of("_csrf", browser.get(path).csrfToken()));

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.heading()).isEqualTo("Address already in use");
        assertThat(userOf(user).email().value()).isEqualTo(user.email());
    }

    private EmailConfirmationLink linkMailedTo(String address) {
        return outbox.entries().stream()
                .filter(entry -> entry.mail() instanceof EmailConfirmationLink link
                        && link.to().value().equals(address))
                .map(entry -> (EmailConfirmationLink) entry.mail())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no confirmation link to " + address));
    }

    private static String pathOf(EmailConfirmationLink link) {
        return link.link().substring(WebAdapterTestApplication.PUBLIC_URL.length());
    }

    private User userOf(TestUser user) {
        return users.findByLogin(user.username()).block();
    }
}
