package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

/** Every request gets a correlation id and one access-log line, with the client as the proxies told it. */
class RequestEdgeTests {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.1", 52000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.9", 52000);

    private final AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
    private final AtomicReference<String> idInContext = new AtomicReference<>();
    private final RequestEdge edge = new RequestEdge(
            (request, response) -> {
                seen.set(request);
                response.setStatusCode(HttpStatus.SEE_OTHER);
                return CorrelationId.current().doOnNext(idInContext::set).then(response.setComplete());
            },
            new ForwardedRequests(TrustedProxies.of(List.of("10.0.0.0/8"), ForwardedHeaderStyle.X_FORWARDED)));

    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureTheAccessLog() {
        lines.start();
        accessLogger.addAppender(lines);
    }

    @AfterEach
    void release() {
        accessLogger.detachAppender(lines);
    }

    @Test
    void aTrustedProxysRequestIdIsKeptPassedOnAndEchoed() {
        MockServerHttpResponse response =
                handle(MockServerHttpRequest.post("http://vestibule.test/login?next=%2Fsecret&token=s3cr3t")
                        .remoteAddress(PROXY)
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header(CorrelationId.HEADER, "proxy-id-123")
                        .header("Cookie", "SESSION=the-session-id")
                        .build());

        assertThat(response.getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo("proxy-id-123");
        assertThat(seen.get().getHeaders().getFirst(CorrelationId.HEADER)).isEqualTo("proxy-id-123");
        assertThat(idInContext.get()).isEqualTo("proxy-id-123");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage())
                    .isEqualTo(
                            "POST /login 303 %d ms client=203.0.113.7 id=proxy-id-123".formatted(durationMillis(line)));
            assertThat(line.getFormattedMessage()).doesNotContain("s3cr3t", "the-session-id", "next");
            assertThat(line.getMDCPropertyMap()).containsEntry(AccessLog.REQUEST_ID, "proxy-id-123");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "/password-reset/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde, /password-reset/<token>",
        "/email-confirmation/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde, /email-confirmation/<token>",
        "/Password-Reset/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde, /Password-Reset/<token>",
        "/password-reset/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde/more, /password-reset/<token>/more",
        "/password-reset, /password-reset",
        "/password-reset/, /password-reset/"
    })
    void theTokenOfAMailedLinkNeverReachesTheAccessLog(String path, String logged) {
        handle(MockServerHttpRequest.post("http://vestibule.test" + path + "?token=s3cr3t")
                .remoteAddress(STRANGER)
                .build());

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).startsWith("POST " + logged + " 303 ");
            assertThat(line.getFormattedMessage())
                    .doesNotContain("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")
                    .doesNotContain("s3cr3t");
            assertThat(line.getKeyValuePairs()).anySatisfy(pair -> {
                assertThat(pair.key).isEqualTo("url.path");
                assertThat(pair.value).isEqualTo(logged);
            });
        });
    }

    @Test
    void aStrangersRequestIdAndForwardedForAreReplaced() {
        MockServerHttpResponse response = handle(MockServerHttpRequest.get("http://vestibule.test/")
                .remoteAddress(STRANGER)
                .header("X-Forwarded-For", "203.0.113.7")
                .header(CorrelationId.HEADER, "chosen-by-the-client")
                .build());

        String id = response.getHeaders().getFirst(CorrelationId.HEADER);
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(seen.get().getHeaders().get(CorrelationId.HEADER)).containsExactly(id);
        assertThat(lines.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .startsWith("GET / 303 ")
                .endsWith(" ms client=198.51.100.9 id=" + id);
    }

    @Test
    void aProxysImplausibleRequestIdIsReplaced() {
        MockServerHttpResponse response = handle(MockServerHttpRequest.get("http://vestibule.test/")
                .remoteAddress(PROXY)
                .header(CorrelationId.HEADER, "forged\nline")
                .build());

        assertThat(response.getHeaders().getFirst(CorrelationId.HEADER)).matches("[0-9a-f]{32}");
    }

    @Test
    void answeredProbesAndScrapesOfTheActuatorStayOutOfTheInfoLogButRefusedOnesDoNot() {
        RequestEdge actuator = new RequestEdge(
                (request, response) -> {
                    response.setStatusCode(
                            request.getURI().getPath().endsWith("readiness") ? HttpStatus.OK : HttpStatus.NOT_FOUND);
                    return response.setComplete();
                },
                new ForwardedRequests(TrustedProxies.none()));

        for (String path : List.of("/actuator/health/readiness", "/actuator/env", "/actuators")) {
            actuator.handle(
                            MockServerHttpRequest.get("http://vestibule.test" + path)
                                    .remoteAddress(STRANGER)
                                    .build(),
                            new MockServerHttpResponse())
                    .block();
        }

        assertThat(lines.list.stream()
                        .filter(line -> line.getLevel() == Level.INFO)
                        .map(ILoggingEvent::getFormattedMessage))
                .satisfiesExactly(
                        env -> assertThat(env).startsWith("GET /actuator/env 404 "),
                        other -> assertThat(other).startsWith("GET /actuators 404 "));
    }

    private MockServerHttpResponse handle(ServerHttpRequest request) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        edge.handle(request, response).block();
        return response;
    }

    private static long durationMillis(ILoggingEvent line) {
        return (Long) line.getArgumentArray()[3];
    }
}
