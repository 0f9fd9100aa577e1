package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Everything a real instance logs while a user signs up, fails a login, signs in with "remember me" and
 * opens a page: one access line per request with its correlation id, and not one password, cookie value,
 * session id or query string anywhere.
 */
class RequestLogIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void captureEverything() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void oneLinePerRequestWithItsIdAndNoSecretsAnywhere() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Logged");
        String wrongPassword = "wrong-but-secret " + System.nanoTime();
        String queryToken = "query-token-" + System.nanoTime();

        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        Page failed = browser.logIn(username, wrongPassword, false);
        Page signedIn = browser.logIn(username, PASSWORD, true);
        String sessionId = browser.cookie("SESSION").orElseThrow();
        String rememberMe = browser.cookie("remember-me").orElseThrow();
        Page secret = browser.get("/top-secret?token=" + queryToken);

        List<String> everything =
                captured.list.stream().map(RequestLogIT::everythingIn).toList();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, wrongPassword, sessionId, rememberMe, queryToken));
        Pattern.compile("[^A-Za-z0-9_-]+")
                .splitAsStream(rememberMe)
                .filter(part -> part.length() >= 16)
                .forEach(secrets::add);
        assertThat(everything).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(secrets));

        String failedId = failed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(accessLines())
                .anySatisfy(line -> assertThat(line.getFormattedMessage())
                        .matches("POST /login 302 \\d+ ms client=127\\.0\\.0\\.1 id=" + failedId));
        assertThat(accessLines())
                .anySatisfy(line -> assertThat(line.getFormattedMessage())
                        .startsWith("POST /login 302 ")
                        .endsWith(" id="
                                + signedIn.headers().firstValue("X-Request-Id").orElseThrow()));
        assertThat(accessLines())
                .anySatisfy(line -> assertThat(line.getFormattedMessage())
                        .startsWith("GET /top-secret 200 ")
                        .endsWith(" id="
                                + secret.headers().firstValue("X-Request-Id").orElseThrow()));
        assertThat(accessLines().stream()
                        .filter(line -> line.getFormattedMessage().endsWith(" id=" + failedId)))
                .as("one line per request")
                .hasSize(1);

        assertThat(captured.list)
                .as("other lines of the request carry its id in the MDC")
                .anySatisfy(line -> {
                    assertThat(line.getLoggerName()).doesNotStartWith("vestibule.access");
                    assertThat(line.getFormattedMessage()).startsWith("Login rejected");
                    assertThat(line.getMDCPropertyMap()).containsEntry("http.request.id", failedId);
                });
    }

    private List<ILoggingEvent> accessLines() {
        return captured.list.stream()
                .filter(line -> line.getLoggerName().equals("vestibule.access"))
                .toList();
    }

    private static String everythingIn(ILoggingEvent line) {
        return line.getFormattedMessage() + " " + line.getMDCPropertyMap() + " " + line.getKeyValuePairs()
                + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy()));
    }
}
