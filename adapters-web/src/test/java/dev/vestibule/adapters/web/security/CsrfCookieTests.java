package dev.vestibule.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.adapters.web.session.CookieSigner;
import dev.vestibule.domain.port.in.RegisterUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The CSRF token lives in a cookie, so that reading a page with a form costs no session. */
@WebAdapterTest
class CsrfCookieTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void anonymousFormPagesWhenReadThenNoSessionButAnHttpOnlyLaxCsrfCookie() {
        for (String path : new String[] {"/login", "/register", "/"}) {
            Page page = new Browser(client).get(path);

            assertThat(page.cookie("SESSION")).as(path).isEmpty();
            if (!path.equals("/")) {
                ResponseCookie csrf = page.cookie("csrf").orElseThrow();
                assertThat(csrf.isHttpOnly()).as(path).isTrue();
                assertThat(csrf.getSameSite()).as(path).isEqualTo("Lax");
                assertThat(csrf.getPath()).as(path).isEqualTo("/");
                assertThat(csrf.isSecure()).as("plain HTTP on localhost").isFalse();
            }
        }
    }

    @Test
    void csrfCookieWhenRequestCameOverHttpsThenSecureWithTheHostPrefix() {
        Page page = new Browser(client).get("https://localhost/login");

        ResponseCookie csrf = page.cookie("__Host-csrf").orElseThrow();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.getDomain()).isNull();
        assertThat(page.cookie("csrf")).isEmpty();
    }

    @Test
    void loginWhenTheFormsTokenDoesNotMatchTheCookieThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "Mismatch");
        Browser browser = new Browser(client);
        String otherBrowsersToken = new Browser(client).get("/login").csrfToken();
        browser.get("/login");

        Page refused = browser.post(
                "/login",
                Map.of("_csrf", otherBrowsersToken, "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void loginWhenTheCsrfCookieIsMissingThenForbiddenEvenWithAToken() {
        TestUser user = TestUsers.registered(registerUser, "NoCookie");
        Browser browser = new Browser(client);
        String token = browser.get("/login").csrfToken();
        browser.dropCookie("csrf");

        Page refused = browser.post(
                "/login", Map.of("_csrf", token, "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    // issue 13 finding 6: the token is signed with the server key

    @Test
    void loginWhenACookieAndFieldPairWasPlantedUnsignedThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "Planted");
        Browser victim = new Browser(client);
        String chosen = "0d3f0f4e-7d6c-4c2b-9a57-5c2f8e1b9a10";
        victim.setCookie("csrf", chosen);

        Page refused = victim.post(
                "/login", Map.of("_csrf", masked(chosen), "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void loginWhenThePlantedCookieIsSignedWithAnotherKeyThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "Foreign");
        Browser victim = new Browser(client);
        String chosen = "0d3f0f4e-7d6c-4c2b-9a57-5c2f8e1b9a10";
        CookieSigner foreign = CookieSigner.withKeys("an-attacker-s-own-key-of-enough-length-000", List.of());
        victim.setCookie("csrf", foreign.sign(CsrfCookieRepository.SIGNATURE_PURPOSE, chosen));

        Page refused = victim.post(
                "/login", Map.of("_csrf", masked(chosen), "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void theCsrfCookieCarriesTheTokenSignedAndTheFormsTokenStillWorks() {
        TestUser user = TestUsers.registered(registerUser, "Signed");
        Browser browser = new Browser(client);
        Page form = browser.get("/login");
        String cookie = browser.cookie("csrf").orElseThrow();
        CookieSigner ours = CookieSigner.withKeys(WebAdapterTestApplication.COOKIE_SIGNING_KEY, List.of());

        assertThat(ours.verify(CsrfCookieRepository.SIGNATURE_PURPOSE, cookie)).isPresent();
        Page signedIn = browser.post(
                "/login", Map.of("_csrf", form.csrfToken(), "username", user.username(), "password", user.password()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
    }

    @Test
    void aTokenSignedWithThePreviousKeyIsStillAcceptedDuringARotation() {
        String token = "0d3f0f4e-7d6c-4c2b-9a57-5c2f8e1b9a10";
        CookieSigner old = CookieSigner.withKeys("the-previous-key-of-enough-length-0000000", List.of());
        CookieSigner rotated = CookieSigner.withKeys(
                "the-current-key-of-enough-length-00000000", List.of("the-previous-key-of-enough-length-0000000"));

        String signedBefore = old.sign(CsrfCookieRepository.SIGNATURE_PURPOSE, token);

        assertThat(rotated.verify(CsrfCookieRepository.SIGNATURE_PURPOSE, signedBefore))
                .contains(token);
        assertThat(rotated.verify("another-purpose", signedBefore)).isEmpty();
    }

    /** What Spring Security's forms carry: the token masked with fresh random bytes (XOR), as anyone can compute. */
    private static String masked(String token) {
        byte[] tokenBytes = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] random = new byte[tokenBytes.length];
        new java.security.SecureRandom().nextBytes(random);
        byte[] combined = new byte[2 * tokenBytes.length];
        for (int i = 0; i < tokenBytes.length; i++) {
            combined[i] = random[i];
            combined[tokenBytes.length + i] = (byte) (random[i] ^ tokenBytes[i]);
        }
        return java.util.Base64.getUrlEncoder().encodeToString(combined);
    }
}
