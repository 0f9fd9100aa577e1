package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTests {

    @Test
    void addressesAndRangesOfBothFamiliesAreTrusted() {
        TrustedProxies proxies = of("127.0.0.1", "10.0.0.0/8", "2001:db8::/32", "::1");

        assertThat(proxies.includes(address("127.0.0.1"))).isTrue();
        assertThat(proxies.includes(address("10.255.1.2"))).isTrue();
        assertThat(proxies.includes(address("2001:db8:1::5"))).isTrue();
        assertThat(proxies.includes(address("::1"))).isTrue();
        assertThat(proxies.includes(address("127.0.0.2"))).isFalse();
        assertThat(proxies.includes(address("11.0.0.1"))).isFalse();
        assertThat(proxies.includes(address("2001:db9::1"))).isFalse();
    }

    @Test
    void nothingConfiguredTrustsNobody() {
        assertThat(TrustedProxies.none().includes(address("127.0.0.1"))).isFalse();
        assertThat(of().includes(address("127.0.0.1"))).isFalse();
        assertThat(of(" ", "").isEmpty()).isTrue();
        assertThat(TrustedProxies.of(null, ForwardedHeaderStyle.X_FORWARDED).isEmpty())
                .isTrue();
    }

    @Test
    void anUnknownPeerIsNeverTrusted() {
        assertThat(of("0.0.0.0/0").includes(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "localhost", "10.0.0.0/33", "10.0.0.0/x", "not an address", "1.2.3.4/-1"})
    void anEntryThatIsNoAddressOrRangeIsRefusedByName(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> of("10.0.0.1", entry))
                .withMessageContaining("vestibule.proxy.trusted-addresses")
                .withMessageContaining(entry);
    }

    private static TrustedProxies of(String... entries) {
        return TrustedProxies.of(Arrays.asList(entries), ForwardedHeaderStyle.X_FORWARDED);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
