package dev.vestibule.adapters.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Boot's error handler logs the path and query of a 500: on a mailed link's page it must see no token. */
class TokenPathErrorsTests {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    private final AtomicReference<URI> seenByTheErrorPage = new AtomicReference<>();
    private final ErrorWebExceptionHandler errorPage = (exchange, error) -> {
        seenByTheErrorPage.set(exchange.getRequest().getURI());
        return Mono.empty();
    };
    private final TokenPathErrors handler = new TokenPathErrors(new TemporarilyUnavailableHandler(), provider());

    @Test
    void aFailureOnALinksPageReachesTheErrorPageWithTheTokenAndQueryRedacted() {
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("http://vestibule.test/password-reset/" + TOKEN + "?again=" + TOKEN));

        StepVerifier.create(handler.handle(exchange, new IllegalStateException("a bug")))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        assertThat(seenByTheErrorPage.get().toString())
                .isEqualTo("http://vestibule.test/password-reset/redacted")
                .doesNotContain(TOKEN);
        assertThat(exchange.getRequest().getURI().getPath())
                .as("the request itself is unchanged")
                .contains(TOKEN);
    }

    @Test
    void aFailureElsewhereGoesOnToTheUsualHandlers() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://vestibule.test/password-reset"));
        IllegalStateException bug = new IllegalStateException("a bug");

        StepVerifier.create(handler.handle(exchange, bug))
                .expectErrorMatches(bug::equals)
                .verify(Duration.ofSeconds(5));

        assertThat(seenByTheErrorPage.get()).isNull();
    }

    private org.springframework.beans.factory.ObjectProvider<ErrorWebExceptionHandler> provider() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("errorPage", errorPage);
        return beans.getBeanProvider(ErrorWebExceptionHandler.class);
    }
}
