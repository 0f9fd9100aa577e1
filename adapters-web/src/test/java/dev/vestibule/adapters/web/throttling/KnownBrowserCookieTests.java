package dev.vestibule.adapters.web.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Issue 13 finding 6: the cookie kept one account per browser, so signing in to a second account took the first
 * one's lockout protection away. It keeps the five most recent.
 */
class KnownBrowserCookieTests {

    private final KnownBrowserCookie cookie = new KnownBrowserCookie(Duration.ofDays(365));

    private static String id(int n) {
        return String.format("%032d", n);
    }

    /** What the browser sends back after a login that wrote {@code id}, having sent {@code before}. */
    private String afterLogin(String before, String id) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/login");
        if (before != null) {
            request.cookie(new org.springframework.http.HttpCookie(KnownBrowserCookie.NAME, before));
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        cookie.write(exchange, id);
        ResponseCookie written = exchange.getResponse().getCookies().getFirst(KnownBrowserCookie.NAME);
        return written.getValue();
    }

    private List<String> read(String value) {
        return cookie.read(MockServerWebExchange.from(MockServerHttpRequest.get("/login")
                .cookie(new org.springframework.http.HttpCookie(KnownBrowserCookie.NAME, value))));
    }

    @Test
    void aSecondAccountIsAddedInFrontOfTheFirstNotInItsPlace() {
        String first = afterLogin(null, id(1));
        String both = afterLogin(first, id(2));

        assertThat(read(both)).containsExactly(id(2), id(1));
    }

    @Test
    void signingInAgainMovesTheAccountToTheFrontWithoutRepeatingIt() {
        String value = afterLogin(afterLogin(afterLogin(null, id(1)), id(2)), id(1));

        assertThat(read(value)).containsExactly(id(1), id(2));
    }

    @Test
    void theFiveMostRecentAccountsAreKept() {
        String value = null;
        for (int n : IntStream.rangeClosed(1, 7).toArray()) {
            value = afterLogin(value, id(n));
        }

        assertThat(read(value)).containsExactly(id(7), id(6), id(5), id(4), id(3));
    }

    @Test
    void aPlantedCookieGivesNothingButItsWellFormedIdsAndNoMoreThanFive() {
        String planted =
                "<script>." + id(1) + "." + "x".repeat(40) + "." + id(2) + "." + id(3) + "." + id(4) + "." + id(5);

        assertThat(read(planted)).containsExactly(id(1), id(2), id(3));
        assertThat(read("")).isEmpty();
    }
}
