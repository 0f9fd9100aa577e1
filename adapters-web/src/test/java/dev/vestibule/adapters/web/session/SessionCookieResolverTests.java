package dev.vestibule.adapters.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SessionCookieResolverTests {

    /** Issue 13 finding 6: Spring looks up every id it is given; 150 cookies made 150 store lookups. */
    @Test
    void aRequestWithManySessionCookiesThenOnlyTheFirstIsLookedUp() {
        HttpCookie[] cookies = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> new HttpCookie("SESSION", "id-" + i))
                .toArray(HttpCookie[]::new);
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/").cookie(cookies));

        assertThat(new SessionCookieResolver().resolveSessionIds(exchange)).containsExactly("id-1");
    }
}
