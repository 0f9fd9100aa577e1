package dev.vestibule.adapters.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

@WebAdapterTest
class SessionUserTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    WebSessionManager sessions;

    @Autowired
    InMemorySecurityEventLog events;

    @Test
    void sessionCookieThenHttpOnlyLaxForTheWholeSiteAndGoneWithTheBrowser() {
        TestUser user = TestUsers.registered(registerUser, "Cookie");
        Page page = new Browser(client).logIn(user);

        ResponseCookie session = page.cookie("SESSION").orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getMaxAge().isNegative())
                .as("no Max-Age: a session cookie")
                .isTrue();
        assertThat(session.isSecure()).as("plain HTTP on localhost").isFalse();
    }

    @Test
    void sessionCookieWhenRequestCameOverHttpsThenSecureWithTheHostPrefix() {
        TestUser user = TestUsers.registered(registerUser, "Secure");
        Browser browser = new Browser(client);
        Page form = browser.get("https://localhost/login");
        Page page = browser.post(
                "https://localhost/login",
                Map.of("_csrf", form.csrfToken(), "username", user.username(), "password", user.password()));

        var session = page.cookie("__Host-SESSION").orElseThrow();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getDomain()).isNull();
        assertThat(page.cookie("SESSION")).isEmpty();
    }

    @Test
    void signedInSessionThenHoldsTheUsersIdAsTextAndNoSecurityObjects() {
        TestUser user = TestUsers.registered(registerUser, "Lean");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        User stored = users.findByLogin(user.username()).block(Duration.ofSeconds(5));

        WebSession session = ((DefaultWebSessionManager) sessions)
                .getSessionStore()
                .retrieveSession(browser.cookie("SESSION").orElseThrow())
                .block(Duration.ofSeconds(5));

        assertThat(session).isNotNull();
        Map<String, Object> attributes = session.getAttributes();
        assertThat(attributes).containsEntry("vestibule.userId", stored.id().toString());
        assertThat(attributes.values())
                .noneMatch(value -> value instanceof SecurityContext
                        || value instanceof Authentication
                        || value instanceof SignedInUser
                        || value instanceof User);
    }

    @Test
    void signedInUserWhenDeactivatedThenSignedOutAtTheNextRequest() {
        TestUser user = TestUsers.registered(registerUser, "Banned");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);

        users.replace(
                users.findByLogin(user.username()).block(Duration.ofSeconds(5)).deactivated());

        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
        assertThat(browser.get("/").heading()).isEqualTo("Hello, Anonymous!");
    }

    @Test
    void signedInUserWhenTheStampIsRenewedThenSignedOutAtTheNextRequestAndRecorded() {
        TestUser user = TestUsers.registered(registerUser, "Stamped");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
        User stored = users.findByLogin(user.username()).block(Duration.ofSeconds(5));

        users.renewSecurityStamp(stored.id(), SecurityStamp.random()).block(Duration.ofSeconds(5));

        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
        assertThat(events.all())
                .anyMatch(event -> event.type() == SecurityEventType.SESSION_REVOKED
                        && event.userId().equals(Optional.of(stored.id())));
        browser.logInAndLand(user);
        assertThat(browser.get("/top-secret").statusCode())
                .as("a new sign-in carries the new stamp")
                .isEqualTo(200);
    }

    @Test
    void signedInUserWhenDisabledAndEnabledAgainThenStillSignedOut() {
        TestUser user = TestUsers.registered(registerUser, "Revived");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        User stored = users.findByLogin(user.username()).block(Duration.ofSeconds(5));
        User disabled = stored.deactivated();
        users.replace(disabled);

        users.replace(User.restore(
                stored.id(),
                stored.username(),
                stored.email(),
                stored.passwordHash().orElseThrow(),
                List.of(),
                true,
                stored.registeredAt(),
                disabled.securityStamp(),
                false));

        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void signedInSessionThenKeepsTheStampTheBrowserAndTheAddressOfTheSignIn() {
        TestUser user = TestUsers.registered(registerUser, "Noted");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        User stored = users.findByLogin(user.username()).block(Duration.ofSeconds(5));

        Map<String, Object> attributes = sessionOf(browser).getAttributes();

        assertThat(attributes)
                .containsEntry("vestibule.securityStamp", stored.securityStamp().value());
        assertThat(attributes).containsKey("vestibule.userAgent").containsKey("vestibule.clientAddress");
        assertThat(attributes)
                .as("a password login counts as the password given now")
                .containsKey(SessionUserContextRepository.PASSWORD_GIVEN_AT_ATTRIBUTE);
    }

    @Test
    void signedInSessionWithoutAStampThenSignedOut() {
        TestUser user = TestUsers.registered(registerUser, "Unstamped");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        WebSession session = sessionOf(browser);

        session.getAttributes().remove("vestibule.securityStamp");
        session.save().block(Duration.ofSeconds(5));

        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    private WebSession sessionOf(Browser browser) {
        return ((DefaultWebSessionManager) sessions)
                .getSessionStore()
                .retrieveSession(browser.cookie("SESSION").orElseThrow())
                .block(Duration.ofSeconds(5));
    }

    @Test
    void deactivatedUserThenCannotLogInAndSeesTheSameMessageAsEveryoneElse() {
        TestUser user = TestUsers.registered(registerUser, "Disabled");
        users.replace(
                users.findByLogin(user.username()).block(Duration.ofSeconds(5)).deactivated());
        Browser browser = new Browser(client);

        Page rejected = browser.logIn(user);

        assertThat(rejected.location()).isEqualTo("/login");
        assertThat(browser.follow(rejected).flashes()).containsExactly("Invalid username or password.");
    }

    @Test
    void sessionCookieWhenTheSessionIsUnknownThenAnonymousAndTheIdIsNeverAdopted() {
        TestUser user = TestUsers.registered(registerUser, "Planted");
        Browser browser = new Browser(client);
        browser.setCookie("SESSION", "made-up-session-id");

        Page home = browser.get("/");
        browser.logInAndLand(user);

        assertThat(home.heading()).isEqualTo("Hello, Anonymous!");
        assertThat(browser.cookie("SESSION"))
                .get()
                .as("never adopts an id the browser chose")
                .isNotEqualTo("made-up-session-id");
    }
}
