package dev.vestibule.adapters.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.WebAdapterTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Issue 13 finding 6: the firewall's 400 page went out without any security header. */
@WebAdapterTest
class FirewallRejectionHeadersTests {

    static final List<String> SECURITY_HEADERS = List.of(
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy",
            "Permissions-Policy",
            "Cache-Control",
            "X-XSS-Protection");

    @Autowired
    WebTestClient client;

    @Test
    void theFirewallsPageCarriesTheSameSecurityHeadersAsEveryPage() {
        Page normal = new Browser(client).get("/login");
        Page refused = new Browser(client).get("/top-secret/%2F%2Fevil.com");

        assertThat(refused.statusCode()).isEqualTo(400);
        for (String header : SECURITY_HEADERS) {
            assertThat(refused.headers().get(header))
                    .as(header)
                    .isNotNull()
                    .isEqualTo(normal.headers().get(header));
        }
    }
}
