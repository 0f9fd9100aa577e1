package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.memory.session.BoundedSessionRepository;
import dev.vestibule.adapters.memory.session.InMemoryActiveSessions;
import dev.vestibule.bootstrap.support.AnonymousBurst;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13 finding 2 on README's first command (H2, sessions in this process's memory): on main
 * {@code c5bf6de} 2,000 anonymous GETs left 2,014 session objects on the heap. Now a burst of anonymous
 * requests to every kind of page leaves none, and the flash messages still reach the visitor.
 */
class EmbeddedDefaultAnonymousSessionsTests {

    private static ConfigurableApplicationContext context;
    private static String baseUrl;

    @BeforeAll
    static void startWithDefaults() {
        context = SpringApplication.run(VestibuleApplication.class, "--server.port=0", "--management.server.port=0");
        baseUrl = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aBurstOfAnonymousRequestsToEveryKindOfPageLeavesNoSessionInMemory() {
        BoundedSessionRepository sessions = context.getBean(BoundedSessionRepository.class);
        InMemoryActiveSessions active = context.getBean(InMemoryActiveSessions.class);
        int before = sessions.size();
        double activeBefore = active.count();

        List<String> gaveASession = AnonymousBurst.run(baseUrl, 10);

        assertThat(gaveASession.size())
                .as("responses that set a session cookie: %s", gaveASession)
                .isZero();
        assertThat(active.count() - activeBefore)
                .as("sessions made, by the gauge")
                .isZero();
        assertThat(sessions.size()).as("sessions in the map").isEqualTo(before);
    }

    @Test
    void theVisitorsMessagesStillArriveOnceWithoutASession() {
        Browser browser = new Browser(baseUrl);

        Page login = browser.open("/account/activity");

        assertThat(login.flashes()).containsExactly("Please log in to access this page.");
        assertThat(browser.cookie("SESSION")).isEmpty();
        assertThat(browser.open("/login").flashes()).isEmpty();
    }
}
