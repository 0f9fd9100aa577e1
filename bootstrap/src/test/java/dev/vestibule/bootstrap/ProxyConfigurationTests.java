package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.context.ConfigurableApplicationContext;

/** A proxy setting that would believe the wrong clients stops the service at startup, with the reason. */
class ProxyConfigurationTests {

    @Test
    void springBootsOwnForwardedHeaderSupportIsOffEvenOnKubernetes() {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                VestibuleApplication.class, "--server.port=0", "--spring.main.cloud-platform=kubernetes")) {
            assertThat(context.getBean(org.springframework.boot.web.server.autoconfigure.ServerProperties.class)
                            .getForwardHeadersStrategy())
                    .isEqualTo(ForwardHeadersStrategy.NONE);
        }
    }

    @Test
    void turningSpringBootsForwardedHeaderSupportOnRefusesToStart() {
        Stream.of("native", "framework")
                .forEach(strategy -> assertThatThrownBy(() -> SpringApplication.run(
                                        VestibuleApplication.class,
                                        "--server.port=0",
                                        "--server.forward-headers-strategy=" + strategy)
                                .close())
                        .rootCause()
                        .hasMessageContaining("server.forward-headers-strategy must be 'none'")
                        .hasMessageContaining("vestibule.proxy.trusted-addresses"));
    }

    @Test
    void aTrustedProxyThatIsNoAddressRefusesToStartNamingTheEntry() {
        assertThatThrownBy(() -> SpringApplication.run(
                                VestibuleApplication.class,
                                "--server.port=0",
                                "--vestibule.proxy.trusted-addresses=10.0.0.0/8,proxy.internal")
                        .close())
                .rootCause()
                .hasMessageContaining("vestibule.proxy.trusted-addresses: 'proxy.internal'");
    }
}
