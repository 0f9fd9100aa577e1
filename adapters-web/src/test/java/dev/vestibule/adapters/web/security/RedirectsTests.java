package dev.vestibule.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RedirectsTests {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "/")
    void loginWithNextWhenNowhereToGoBackToThenPlainLoginPage(String next) {
        assertThat(Redirects.loginWithNext(next)).isEqualTo("/login");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /top-secret                 | /login?next=/top-secret
            /a/b/c                      | /login?next=/a/b/c
            /top-secret?tab=2           | /login?next=/top-secret?tab%3D2
            /search?q=a+b&x=1           | /login?next=/search?q%3Da%2Bb%26x%3D1
            /search?q=a%20b             | /login?next=/search?q%3Da%2520b
            /path#frag                  | /login?next=/path%23frag
            """)
    void loginWithNextThenEncodesOnlyWhatAQueryValueCannotHold(String next, String expected) {
        assertThat(Redirects.loginWithNext(next)).isEqualTo(expected);
    }

    /** Read back the way WebFlux reads @RequestParam, which (like a form) decodes '+' as a space. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/top-secret",
                "/top-secret?tab=2",
                "/search?q=a+b&x=1=2",
                "/search?q=a%20b&r=%2B",
                "/path?x=1#frag",
                "/caf%C3%A9?q=%25",
                "/a;b,c!$'()*@:",
            })
    void loginWithNextThenTheNextParameterReadsBackUnchanged(String next) {
        String location = Redirects.loginWithNext(next);

        URI uri = URI.create(location);
        assertThat(uri.getRawPath()).isEqualTo("/login");
        assertThat(uri.getRawFragment()).isNull();
        var parameters =
                MockServerHttpRequest.method(HttpMethod.GET, uri).build().getQueryParams();
        assertThat(parameters).containsOnlyKeys("next");
        assertThat(parameters.get("next")).containsExactly(next);
    }

    @Test
    void pathAndQueryThenKeepsTheRequestAsSentStillEncoded() {
        var request = MockServerHttpRequest.method(HttpMethod.GET, URI.create("/top-secret/caf%C3%A9?tab=2&q=a%20b"))
                .build();

        assertThat(Redirects.pathAndQuery(request)).isEqualTo("/top-secret/caf%C3%A9?tab=2&q=a%20b");
    }

    @Test
    void pathAndQueryWhenNoQueryThenJustThePath() {
        var request = MockServerHttpRequest.method(HttpMethod.GET, URI.create("/top-secret"))
                .build();

        assertThat(Redirects.pathAndQuery(request)).isEqualTo("/top-secret");
    }
}
