package dev.vestibule.bootstrap;

import dev.vestibule.adapters.web.edge.TrustedProxies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which proxies are believed about the client. Vestibule does this itself (the web adapter's
 * {@code edge} package), so Spring Boot's own forwarded-header support must stay off: its {@code native}
 * strategy believes every peer, and Boot turns it on by itself when it detects a cloud platform such as
 * Kubernetes. application.yaml sets {@code server.forward-headers-strategy: none}; this refuses to start
 * if that was overridden.
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProxyConfiguration.class);

    @Bean
    TrustedProxies trustedProxies(VestibuleProperties properties, ServerProperties server) {
        ForwardHeadersStrategy bootStrategy = server.getForwardHeadersStrategy();
        if (bootStrategy != ForwardHeadersStrategy.NONE) {
            // Unset means "decide by platform", which on Kubernetes or Cloud Foundry means native.
            throw new IllegalStateException("server.forward-headers-strategy must be 'none' (it is "
                    + (bootStrategy == null ? "unset" : bootStrategy.name().toLowerCase(java.util.Locale.ROOT))
                    + "): Spring Boot's forwarded-header handling believes every client. List your proxies in "
                    + "vestibule.proxy.trusted-addresses instead.");
        }
        VestibuleProperties.Proxy proxy = properties.proxy();
        TrustedProxies trusted = TrustedProxies.of(proxy.trustedAddresses(), proxy.headers());
        log.info("Forwarded headers are believed from: {}", trusted);
        return trusted;
    }
}
