package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Forwarded headers change the request only when its peer is a trusted proxy, and never survive. */
class ForwardedRequestsTests {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.1", 52000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.9", 52000);
    private static final List<String> ALL_FORWARDED = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Forwarded-Ssl");

    private final ForwardedRequests xForwarded =
            new ForwardedRequests(TrustedProxies.of(List.of("10.0.0.0/8"), ForwardedHeaderStyle.X_FORWARDED));
    private final ForwardedRequests rfc7239 =
            new ForwardedRequests(TrustedProxies.of(List.of("10.0.0.0/8"), ForwardedHeaderStyle.FORWARDED));

    @Test
    void aStrangersForwardedHeadersAreRemovedUnread() {
        ServerHttpRequest request = xForwarded.apply(everyForwardedHeader(STRANGER));

        assertThat(request.getRemoteAddress()).isEqualTo(STRANGER);
        assertThat(request.getURI().toString()).isEqualTo("http://vestibule.test:8080/login?next=/x");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    @Test
    void withNoProxyConfiguredEvenLoopbackIsAStranger() {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 40000);
        ServerHttpRequest request = new ForwardedRequests(TrustedProxies.none()).apply(everyForwardedHeader(loopback));

        assertThat(request.getRemoteAddress()).isEqualTo(loopback);
        assertThat(request.getURI().getScheme()).isEqualTo("http");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    @Test
    void aRequestWithoutAPeerAddressIsNeverTrusted() {
        ServerHttpRequest request = xForwarded.apply(MockServerHttpRequest.get("http://vestibule.test/")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .build());

        assertThat(request.getRemoteAddress()).isNull();
        assertThat(request.getURI().getScheme()).isEqualTo("http");
    }

    @Test
    void aTrustedProxySetsClientSchemeHostAndPortAndTheHeadersAreGone() {
        ServerHttpRequest request =
                xForwarded.apply(MockServerHttpRequest.get("http://vestibule.test:8080/login?next=/x")
                        .remoteAddress(PROXY)
                        .header("X-Forwarded-For", "198.51.100.66, 203.0.113.7")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "login.example.org")
                        .header("X-Forwarded-Port", "443")
                        .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(request.getURI().toString()).isEqualTo("https://login.example.org/login?next=/x");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    @Test
    void aTrustedProxyThatOnlySaysHttpsKeepsTheHost() {
        ServerHttpRequest request = xForwarded.apply(MockServerHttpRequest.get("http://vestibule.test:8080/")
                .remoteAddress(PROXY)
                .header("X-Forwarded-Proto", "https")
                .build());

        assertThat(request.getURI().getScheme()).isEqualTo("https");
        assertThat(request.getURI().getHost()).isEqualTo("vestibule.test");
        assertThat(request.getRemoteAddress()).isEqualTo(PROXY);
    }

    @Test
    void behindAnXForwardedProxyAForwardedHeaderIsTheClientsAndIgnored() {
        ServerHttpRequest request = xForwarded.apply(MockServerHttpRequest.get("http://vestibule.test/")
                .remoteAddress(PROXY)
                .header("Forwarded", "for=192.0.2.1;proto=https;host=evil.example")
                .header("X-Forwarded-For", "203.0.113.7")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(request.getURI().toString()).isEqualTo("http://vestibule.test/");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    @Test
    void behindAnRfc7239ProxyXForwardedHeadersAreTheClientsAndIgnored() {
        ServerHttpRequest request = rfc7239.apply(MockServerHttpRequest.get("http://vestibule.test/")
                .remoteAddress(PROXY)
                .header("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https;host=login.example.org")
                .header("X-Forwarded-For", "192.0.2.1")
                .header("X-Forwarded-Host", "evil.example")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(request.getURI().toString()).isEqualTo("https://login.example.org/");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad host", "evil.example:notaport", "[::1", "a/b", "%zz", "host\tname"})
    void anUnreadableForwardedHostLeavesTheRequestAsSentButStillFindsTheClient(String host) {
        ServerHttpRequest request = xForwarded.apply(MockServerHttpRequest.get("http://vestibule.test/")
                .remoteAddress(PROXY)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", host)
                .header("X-Forwarded-Port", "not a port")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(request.getHeaders().headerNames()).doesNotContainAnyElementsOf(ALL_FORWARDED);
    }

    private static ServerHttpRequest everyForwardedHeader(InetSocketAddress peer) {
        return MockServerHttpRequest.get("http://vestibule.test:8080/login?next=/x")
                .remoteAddress(peer)
                .header("Forwarded", "for=203.0.113.7;proto=https;host=evil.example")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Ssl", "on")
                .build();
    }
}
