package dev.vestibule.domain.model.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vestibule.domain.model.user.UserId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each kind of throttling key in its own namespace; IPv6 clients by their network. */
class ThrottleKeysTests {

    @Test
    void ipv6AddressesOfOneSlash64ShareOneKeyAndAnotherSlash64DoesNot() {
        List<String> sameNetwork = Stream.of("2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2::3")
                .map(address -> ThrottleKeys.clientAddress(address, 64))
                .toList();

        assertThat(sameNetwork).containsOnly("client:2001:db8:1:2:0:0:0:0/64");
        assertThat(ThrottleKeys.clientAddress("2001:db8:1:3::1", 64)).isNotEqualTo(sameNetwork.get(0));
    }

    @Test
    void theIpv6PrefixLengthIsConfigurable() {
        assertThat(ThrottleKeys.clientAddress("2001:db8:1:2::1", 48))
                .isEqualTo(ThrottleKeys.clientAddress("2001:db8:1:3::1", 48))
                .isEqualTo("client:2001:db8:1:0:0:0:0:0/48");
        assertThat(ThrottleKeys.clientAddress("2001:db8:1:2::1", 128))
                .isNotEqualTo(ThrottleKeys.clientAddress("2001:db8:1:2::2", 128));
        // A prefix that ends inside a group: 72 bits keep the first byte of the fifth group.
        assertThat(ThrottleKeys.clientAddress("2001:db8:1:2:ab12::1", 72))
                .isEqualTo(ThrottleKeys.clientAddress("2001:db8:1:2:abff::", 72))
                .isEqualTo("client:2001:db8:1:2:ab00:0:0:0/72")
                .isNotEqualTo(ThrottleKeys.clientAddress("2001:db8:1:2:ac00::", 72));
        assertThatIllegalArgumentException().isThrownBy(() -> ThrottleKeys.clientAddress("::1", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> ThrottleKeys.clientAddress("::1", 129));
    }

    @Test
    void ipv4AddressesAreKeyedByTheWholeAddressAndMappedOnesAsTheirIpv4() {
        assertThat(ThrottleKeys.clientAddress("192.0.2.1", 64)).isEqualTo("client:192.0.2.1");
        assertThat(ThrottleKeys.clientAddress("192.0.2.2", 64)).isNotEqualTo("client:192.0.2.1");
        assertThat(ThrottleKeys.clientAddress("::ffff:192.0.2.1", 64)).isEqualTo("client:192.0.2.1");
    }

    @Test
    void anythingThatIsNoAddressLiteralIsTakenAsItIsWithoutALookup() {
        assertThat(ThrottleKeys.clientAddress("unknown", 64)).isEqualTo("client:unknown");
        assertThat(ThrottleKeys.clientAddress("not:an:address", 64)).isEqualTo("client:not:an:address");
    }

    @Test
    void accountKeysAndUnknownLoginKeysNeverMeet() {
        UserId user = UserId.random();

        assertThat(ThrottleKeys.unknownLogin(user.toString())).doesNotContain(user.toString());
        assertThat(ThrottleKeys.unknownLogin(user.toString()))
                .isNotEqualTo(ThrottleKeys.account(user, user.toString()))
                .startsWith("login:");
        assertThat(ThrottleKeys.account(user, "alice")).startsWith("account:");
        assertThat(ThrottleKeys.device("abc")).startsWith("device:");
    }

    @Test
    void anAccountHasOneKeyPerFormOfLoginWhateverTheCase() {
        UserId user = UserId.random();

        assertThat(ThrottleKeys.account(user, "Alice")).isEqualTo(ThrottleKeys.account(user, "alice"));
        assertThat(ThrottleKeys.account(user, "Alice@Example.com"))
                .isEqualTo(ThrottleKeys.account(user, "alice@example.com"))
                .isNotEqualTo(ThrottleKeys.account(user, "alice"));
    }

    @Test
    void unknownLoginsAreNormalisedAsTheUserStoreComparesThem() {
        assertThat(ThrottleKeys.unknownLogin("  NoBody "))
                .isEqualTo(ThrottleKeys.unknownLogin("nobody"))
                .isNotEqualTo(ThrottleKeys.unknownLogin("nobody2"))
                .matches("login:[0-9a-f]{64}");
    }
}
