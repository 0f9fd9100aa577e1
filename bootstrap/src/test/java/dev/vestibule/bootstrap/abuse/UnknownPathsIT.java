package dev.vestibule.bootstrap.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7 as the stranger sees it, against the real stack: an unknown path is the site's 404 page, not
 * a login; robots.txt is served; security.txt only when a contact is configured. The shared instance has no
 * contact; a second one has.
 */
class UnknownPathsIT {

    private static final String CONTACT = "security@vestibule.example";
    private static RunningVestibule withContact;

    @BeforeAll
    static void start() {
        withContact = RunningVestibule.start("--vestibule.security-contact=" + CONTACT);
    }

    @AfterAll
    static void stop() {
        withContact.close();
    }

    @Test
    void anUnknownPathAnswersTheSites404PageToAStrangerAndKnownPagesStillAskForALogin() {
        RunningVestibule vestibule = RunningVestibule.shared();
        for (String path : List.of("/no/such/page", "/.well-known/security.txt", "/wp-admin/", "/.env")) {
            Page page = new Browser(vestibule.baseUrl()).get(path);

            // On main c5bf6de each of these answered 302 to /login?next=<path>.
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.location()).as(path).isEmpty();
            assertThat(page.heading()).as(path).isEqualTo("Page not found");
        }
        Page protectedPage = new Browser(vestibule.baseUrl()).get("/account/activity");
        assertThat(protectedPage.status()).isEqualTo(302);
        assertThat(protectedPage.location()).hasValue("/login?next=/account/activity");
    }

    @Test
    void robotsTxtIsServedToAnyoneAndKeepsCrawlersOffTheAccountPages() {
        Page robots = new Browser(RunningVestibule.shared().baseUrl()).get("/robots.txt");

        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(robots.body()).contains("User-agent: *\n", "Disallow: /account\n");
    }

    @Test
    void securityTxtNamesTheConfiguredContactAndStrangersCostNoSession() {
        String sessions = RedisTestServer.shared().sessionNamespace() + ":sessions:*";
        int before = RedisTestServer.shared().keysMatching(sessions).size();

        Page securityTxt = new Browser(withContact.baseUrl()).get("/.well-known/security.txt");

        assertThat(securityTxt.status()).isEqualTo(200);
        assertThat(securityTxt.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(securityTxt.body().lines())
                .contains("Contact: mailto:" + CONTACT, "Preferred-Languages: en, de")
                .anyMatch(line -> line.matches("Expires: \\d{4}-\\d\\d-\\d\\dT00:00:00Z"));
        assertThat(new Browser(withContact.baseUrl()).get("/no/such/page").status())
                .isEqualTo(404);
        assertThat(RedisTestServer.shared().keysMatching(sessions)).hasSize(before);
    }
}
