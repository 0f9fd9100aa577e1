package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.Test;

/** Every page carries the security headers; pages for signed-in users are never cached. */
class SecurityHeadersIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        Browser visitor = new Browser(vestibule.baseUrl());
        Browser member = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Hdr");
        member.register(username, emailOf(username), PASSWORD);

        for (Page page : new Page[] {
            visitor.get("/"),
            visitor.get("/login"),
            visitor.get("/register"),
            visitor.get("/top-secret"),
            member.get("/"),
            member.get("/top-secret"),
            member.get("/account/activity"),
            member.get("/no-such-page"),
            visitor.post("/logout", java.util.Map.of())
        }) {
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
        }
    }

    @Test
    void pagesForSignedInUsersAreNeverCached() {
        Browser member = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("NoCache");
        member.register(username, emailOf(username), PASSWORD);

        for (String path : new String[] {"/", "/top-secret", "/account/activity"}) {
            assertThat(member.get(path).headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
    }

    @Test
    void theStylesheetHasNoInlineScriptsToAllow() {
        Page home = new Browser(vestibule.baseUrl()).get("/");

        assertThat(home.html().select("script")).isEmpty();
        assertThat(home.html().select("[style]")).isEmpty();
        assertThat(home.html().select("[onclick], [onload]")).isEmpty();
    }
}
