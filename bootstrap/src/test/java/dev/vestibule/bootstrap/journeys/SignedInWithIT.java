package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.domain.model.session.Handle;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * (issue 14) The sessions page says how each session signed in, on the real stack: the factors a sign-in stores in its
 * Redis session, read back by the Redis session registry.
 */
class SignedInWithIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final RedisTestServer redis = RedisTestServer.shared();

    @Test
    void aPasswordSignInKeepsItsFactorInRedisAndTheSessionsPageSaysPassword() {
        String username = uniqueUsername("Method");
        Browser registered = new Browser(vestibule.baseUrl());
        registered.register(username, emailOf(username), PASSWORD);
        Browser loggedIn = new Browser(vestibule.baseUrl());
        assertThat(loggedIn.logIn(username, PASSWORD, false).location()).contains("/");

        String stored = redis.commands().hget(sessionKey(loggedIn), "sessionAttr:vestibule.signInFactors");
        assertThat(stored).as("JSON string of SignInFactors.serialized()").matches("\"PASSWORD@[0-9T:.Z-]+\"");

        Document page = loggedIn.open("/account/sessions").html();
        assertThat(signedInWith(page, loggedIn)).isEqualTo("password");
        assertThat(signedInWith(page, registered)).isEqualTo("password");
    }

    @Test
    void aSessionThatKeepsASecondFactorIsShownWithItAndOneThatKeepsNoneAsPassword() {
        String username = uniqueUsername("Methods");
        Browser here = new Browser(vestibule.baseUrl());
        here.register(username, emailOf(username), PASSWORD);
        Browser paired = new Browser(vestibule.baseUrl());
        paired.logIn(username, PASSWORD, false);
        Browser older = new Browser(vestibule.baseUrl());
        older.logIn(username, PASSWORD, false);
        // What a sign-in with the authenticator app stores (built by the two-factor pages), and a session from before
        // this release, which kept no factors.
        redis.commands()
                .hset(
                        sessionKey(paired),
                        "sessionAttr:vestibule.signInFactors",
                        "\"PASSWORD@2026-12-08T01:00:00Z;AUTHENTICATOR_APP@2026-12-08T01:00:20Z\"");
        redis.commands().hdel(sessionKey(older), "sessionAttr:vestibule.signInFactors");

        Document page = here.open("/account/sessions").html();

        assertThat(signedInWith(page, paired)).isEqualTo("password + authenticator app");
        assertThat(signedInWith(page, older)).isEqualTo("password");
        assertThat(signedInWith(page, here)).isEqualTo("password");
    }

    private String sessionKey(Browser browser) {
        return redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();
    }

    private static String signedInWith(Document page, Browser browser) {
        String handle = Handle.of(browser.cookie("SESSION").orElseThrow()).value();
        List<Element> rows = page.select("li.signin").stream()
                .filter(row -> handle.equals(row.select("input[name=handle]").val()))
                .toList();
        assertThat(rows).as("the row of session " + handle).hasSize(1);
        return rows.get(0).selectFirst("dd.signed-in-with").text();
    }
}
