package dev.vestibule.adapters.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.domain.port.in.RegisterUser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class HomePageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void homeWhenAnonymousThenGreetsAnonymousAndOffersLogInAndRegister() {
        Page home = new Browser(client).get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        Document page = home.document();
        assertThat(page.select("h1").eachText()).containsExactly("Hello, Anonymous!");
        assertThat(page.select("nav a").eachAttr("href")).contains("/login", "/register");
        assertThat(page.select("nav a[href=/login]").text()).isEqualTo("Log In");
        assertThat(page.select("nav a[href=/register]").text()).isEqualTo("Register");
        assertThat(page.select("nav form.logout")).isEmpty();
        assertThat(page.select("nav a[href=/top-secret]")).isEmpty();
    }

    @Test
    void homeWhenSignedInThenGreetsUserByNameAndOffersLogOutFormWithCsrfToken() {
        var user = TestUsers.registered(registerUser, "Hannah");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Document page = browser.get("/").document();

        assertThat(page.select("main h1").eachText()).containsExactly("Hi, " + user.username() + "!");
        assertThat(page.select("nav .current-user").text()).isEqualTo(user.username());
        Element logout = page.selectFirst("nav form.logout");
        assertThat(logout).isNotNull();
        assertThat(logout.attr("method")).isEqualToIgnoringCase("post");
        assertThat(logout.attr("action")).isEqualTo("/logout");
        assertThat(logout.select("input[type=hidden][name=_csrf]").eachAttr("value"))
                .singleElement()
                .asString()
                .isNotBlank();
        assertThat(page.select("nav a[href=/login], nav a[href=/register]")).isEmpty();
    }

    @Test
    void homeThenSendsSecurityHeaders() {
        HttpHeaders headers = new Browser(client).get("/").headers();

        String csp = headers.getFirst("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }

    @Test
    void homeThenPageHasNoInlineScriptsOrStylesThatThePolicyWouldBlock() {
        Document page = new Browser(client).get("/").document();

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("style, [style]")).isEmpty();
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/css/app.css");
    }

    @Test
    void stylesheetWhenAnonymousThenServed() {
        Page css = new Browser(client).get("/css/app.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().getContentType()).hasToString("text/css");
    }
}
