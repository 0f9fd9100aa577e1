package dev.vestibule.adapters.web.wellknown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.WebAdapterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** robots.txt and security.txt, served to anyone, as plain text, without a session. */
@WebAdapterTest
class WellKnownFilesTests {

    @Autowired
    WebTestClient client;

    @Test
    void robotsTxtIsPublicPlainTextAndKeepsCrawlersOffTheAccountPages() {
        Page robots = new Browser(client).get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(robots.headers().getFirst(HttpHeaders.CONTENT_TYPE)))
                .isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
        assertThat(robots.body().lines())
                .startsWith("User-agent: *")
                .contains("Disallow: /account", "Disallow: /email-confirmation/");
        assertThat(robots.cookie("SESSION")).isEmpty();
        assertThat(robots.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void securityTxtNamesTheConfiguredContactWithAnExpiryAndTheLanguages() {
        Page securityTxt = new Browser(client).get("/.well-known/security.txt");

        assertThat(securityTxt.statusCode()).isEqualTo(200);
        assertThat(MediaType.parseMediaType(securityTxt.headers().getFirst(HttpHeaders.CONTENT_TYPE)))
                .isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
        // The test clock stands at 2026-01-05T10:00Z: 90 days from the start of that day.
        assertThat(securityTxt.body().lines())
                .containsExactly(
                        "Contact: mailto:security@vestibule.test",
                        "Expires: 2026-04-05T00:00:00Z",
                        "Preferred-Languages: en, de",
                        "Canonical: https://vestibule.test/.well-known/security.txt");
        assertThat(securityTxt.cookie("SESSION")).isEmpty();
    }
}
