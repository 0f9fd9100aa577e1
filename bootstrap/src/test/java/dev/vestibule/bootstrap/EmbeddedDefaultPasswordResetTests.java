package dev.vestibule.bootstrap;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.LoggedMails;
import dev.vestibule.bootstrap.support.Page;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's first command and "forgot your password?": on H2 and in-memory sessions, with no mail server, the
 * reset link is written to the log, and following it sets a new password (the link, its mail and the change each
 * in one H2 transaction); the session signed in elsewhere ends.
 */
class EmbeddedDefaultPasswordResetTests {

    private static final String NEW_PASSWORD = "cobalt meadow lantern 8";

    @Test
    void aNewcomerResetsAPasswordWithTheLinkFromTheLog() {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                        VestibuleApplication.class,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--vestibule.mail.delivery-interval=200ms");
                // After the start: Boot's logging set-up replaces the appenders of every logger.
                LoggedMails mails = new LoggedMails()) {
            String baseUrl = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            String username = uniqueUsername("Newcomer");
            Browser elsewhere = new Browser(baseUrl);
            elsewhere.register(username, emailOf(username), PASSWORD);
            assertThat(elsewhere.get("/top-secret").status()).isEqualTo(200);

            Browser browser = new Browser(baseUrl);
            Page answer = browser.submit("/password-reset", "/password-reset", Map.of("email", emailOf(username)));
            assertThat(answer.heading()).isEqualTo("Check your mail");
            String link = mails.awaitLink(emailOf(username), "/password-reset/", Duration.ofSeconds(20));
            assertThat(link).startsWith("http://localhost:8080/password-reset/");
            String path = URI.create(link).getPath();

            Page done = browser.submit(path, path, Map.of("password", NEW_PASSWORD, "password2", NEW_PASSWORD));

            assertThat(done.status()).isEqualTo(303);
            assertThat(browser.get(path).status()).isEqualTo(410);
            assertThat(elsewhere.get("/top-secret").status())
                    .as("the other session ended")
                    .isEqualTo(302);
            assertThat(browser.logIn(username, PASSWORD, false).location())
                    .hasValueSatisfying(location -> assertThat(location).contains("/login"));
            assertThat(browser.logIn(username, NEW_PASSWORD, false).location())
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        }
    }
}
