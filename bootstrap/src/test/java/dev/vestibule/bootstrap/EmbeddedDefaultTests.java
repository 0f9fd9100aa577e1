package dev.vestibule.bootstrap;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.user.UserCacheStatus;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's first command: the service with no configuration at all (H2 in memory, sessions in memory)
 * serves the whole journey. Needs nothing installed, so it runs with the unit tests.
 */
class EmbeddedDefaultTests {

    private static ConfigurableApplicationContext context;
    private static String baseUrl;
    private static ManagementPort management;

    @BeforeAll
    static void startWithDefaults() {
        // Only the ports change (chosen by the OS, as tests share the machine): everything else is the defaults.
        context = SpringApplication.run(VestibuleApplication.class, "--server.port=0", "--management.server.port=0");
        baseUrl = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
        management = new ManagementPort(
                "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theDefaultsRunTheWholeJourneyWithNothingInstalled() {
        Browser browser = new Browser(baseUrl);
        String username = uniqueUsername("Local");

        assertThat(browser.open("/").heading()).isEqualTo("Hello, Anonymous!");
        assertThat(browser.follow(browser.register(username, emailOf(username), PASSWORD))
                        .heading())
                .isEqualTo("Hi, " + username + "!");
        assertThat(browser.follow(browser.logOut()).flashes()).containsExactly("You have been logged out.");
        Page login = browser.logIn(username, PASSWORD, true);
        assertThat(login.setCookie("remember-me")).isPresent();
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void theDefaultsAnswerProbesAndMetricsOnTheManagementPortOnly() {
        ManagementPort.Answer readiness = management.readiness();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"r2dbc\"").doesNotContain("redis");
        assertThat(management.liveness().status()).isEqualTo(200);
        assertThat(management.metric("vestibule_sessions_active")).isGreaterThanOrEqualTo(0);
        assertThat(new Browser(baseUrl).get("/actuator/health").status()).isEqualTo(404);
    }

    /** H2 has no LISTEN/NOTIFY to keep a cache true, and one instance needs none: every lookup asks H2. */
    @Test
    void theDefaultsKeepNoUserCache() {
        assertThat(context.getBeanProvider(UserCacheStatus.class).getIfAvailable())
                .isNull();
        assertThat(management.get("/actuator/prometheus").body()).doesNotContain("vestibule_user_cache");
    }

    @Test
    void theDefaultsUseTheEmbeddedStores() {
        assertThat(context.getEnvironment().getProperty("spring.r2dbc.url")).startsWith("r2dbc:h2:mem:");
        assertThat(context.getEnvironment().getProperty("vestibule.session.store"))
                .isEqualTo("memory");
    }
}
