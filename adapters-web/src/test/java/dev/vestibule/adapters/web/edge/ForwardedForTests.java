package dev.vestibule.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client behind a chain of proxies is the rightmost hop that is not one of ours. */
class ForwardedForTests {

    private static final InetAddress PROXY = address("10.0.0.1");
    private static final TrustedProxies OURS =
            TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48"), ForwardedHeaderStyle.X_FORWARDED);

    @Test
    void oneProxyThenTheClientIsWhatTheProxyAppended() {
        assertThat(xff("203.0.113.7")).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void whatTheClientWroteItselfOnTheLeftIsIgnored() {
        assertThat(xff("198.51.100.1, 203.0.113.7")).isEqualTo(address("203.0.113.7"));
        assertThat(xff("10.0.0.9, 203.0.113.7"))
                .as("a spoofed address of our own network")
                .isEqualTo(address("203.0.113.7"));
    }

    @Test
    void severalProxiesOfOursAreSkippedFromTheRight() {
        assertThat(xff("198.51.100.1, 203.0.113.7, 10.0.0.2, 10.3.4.5")).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void severalHeaderLinesReadAsOneListInOrder() {
        List<String> chain = ForwardedFor.xForwardedFor(List.of("198.51.100.1, 1.2.3.4", "203.0.113.7", "10.0.0.2"));

        assertThat(ForwardedFor.client(PROXY, chain, OURS)).isEqualTo(address("203.0.113.7"));
    }

    @Test
    void whenEveryHopIsOursTheRequestStartedAtTheLeftmost() {
        assertThat(xff("10.9.9.9, 10.0.0.2")).isEqualTo(address("10.9.9.9"));
    }

    @Test
    void anEmptyChainLeavesThePeer() {
        assertThat(ForwardedFor.client(PROXY, List.of(), OURS)).isEqualTo(PROXY);
        assertThat(xff("")).isEqualTo(PROXY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "unknown",
                "_hidden",
                "_SEVKISEK",
                "localhost",
                "example.com",
                "999.1.1.1",
                "1.2.3",
                "1.2.3.4.5",
                "::gg",
                "[2001:db8::1",
                "2001:db8::1]",
                "1.2.3.4:",
                "1.2.3.4:port",
                "1.2.3.4:1234567",
                "[::1]x",
                "fe80::1%eth0",
                "\"\"",
                "' OR 1=1 --",
                "203.0.113.7\r\nX-Evil: 1",
                " ",
                "-",
                "0x7f.1"
            })
    void aClientEntryThatIsNoAddressLeavesThePeer(String junk) {
        assertThat(xff("198.51.100.1, " + junk)).isEqualTo(PROXY);
    }

    @Test
    void junkBehindTheClientEntryDoesNotMatter() {
        assertThat(xff("unknown, garbage!, 203.0.113.7")).isEqualTo(address("203.0.113.7"));
    }

    static Stream<Arguments> addressForms() {
        return Stream.of(
                Arguments.of("203.0.113.7:4711", "203.0.113.7"),
                Arguments.of("2001:db8::17", "2001:db8::17"),
                Arguments.of("[2001:db8::17]", "2001:db8::17"),
                Arguments.of("[2001:db8::17]:4711", "2001:db8::17"),
                Arguments.of("\"[2001:db8::17]:4711\"", "2001:db8::17"),
                Arguments.of("::ffff:203.0.113.7", "203.0.113.7"),
                Arguments.of("  203.0.113.7  ", "203.0.113.7"));
    }

    @ParameterizedTest
    @MethodSource("addressForms")
    void addressesAreReadWithOrWithoutPortsBracketsAndQuotes(String hop, String expected) {
        assertThat(xff(hop)).isEqualTo(address(expected));
    }

    @Test
    void ipv6ProxiesAreSkippedLikeIpv4Ones() {
        assertThat(xff("2001:db8:1::9, [2001:db8:ffff::2]:443")).isEqualTo(address("2001:db8:1::9"));
    }

    @Test
    void rfc7239ElementsGiveTheirForParameter() {
        List<String> chain = ForwardedFor.forwarded(List.of(
                "for=198.51.100.1;proto=https, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.1",
                "for=10.0.0.2;host=\"example.com\""));

        assertThat(chain).containsExactly("198.51.100.1", "\"[2001:db8:cafe::17]:4711\"", "10.0.0.2");
        assertThat(ForwardedFor.client(PROXY, chain, OURS)).isEqualTo(address("2001:db8:cafe::17"));
    }

    @Test
    void rfc7239QuotedCommasAndSemicolonsDoNotSplit() {
        assertThat(ForwardedFor.forwarded(List.of("for=\"a,b;c\";proto=http, for=203.0.113.7")))
                .containsExactly("\"a,b;c\"", "203.0.113.7");
    }

    @Test
    void rfc7239ElementsWithoutForOrWithObfuscatedIdsLeaveThePeer() {
        assertThat(ForwardedFor.client(PROXY, ForwardedFor.forwarded(List.of("proto=https;host=example.com")), OURS))
                .isEqualTo(PROXY);
        assertThat(ForwardedFor.client(PROXY, ForwardedFor.forwarded(List.of("for=_gazonk")), OURS))
                .isEqualTo(PROXY);
        assertThat(ForwardedFor.client(PROXY, ForwardedFor.forwarded(List.of("for=unknown")), OURS))
                .isEqualTo(PROXY);
    }

    @Test
    void aChainOfOurOwnProxiesLongerThanAnyRealOneLeavesThePeer() {
        List<String> chain = new ArrayList<>(Collections.nCopies(ForwardedFor.MAX_HOPS + 5, "10.1.1.1"));

        assertThat(ForwardedFor.client(PROXY, chain, OURS)).isEqualTo(PROXY);
    }

    @Test
    void paddingOnTheClientsSideDoesNotHideTheClient() {
        List<String> chain = new ArrayList<>(Collections.nCopies(1000, "198.51.100.1"));
        chain.add("203.0.113.7");
        chain.add("10.0.0.2");

        assertThat(ForwardedFor.client(PROXY, chain, OURS)).isEqualTo(address("203.0.113.7"));
    }

    /**
     * Generated deployments: a client, zero to four of our proxies after it, and whatever the client made
     * up before it (addresses, junk, our own ranges). The client is always found.
     */
    @Test
    void generatedChainsAlwaysYieldTheRealClient() {
        Random random = new Random(20261121L);
        for (int run = 0; run < 2_000; run++) {
            InetAddress client = randomOutsideAddress(random);
            List<String> chain = new ArrayList<>();
            IntStream.range(0, random.nextInt(6)).forEach(i -> chain.add(randomClientClaim(random)));
            chain.add(asHop(client, random));
            IntStream.range(0, random.nextInt(5)).forEach(i -> chain.add(asHop(randomProxy(random), random)));
            List<String> lines = splitIntoLines(chain, random);

            assertThat(ForwardedFor.client(PROXY, ForwardedFor.xForwardedFor(lines), OURS))
                    .as("run %d: %s", run, lines)
                    .isEqualTo(client);
        }
    }

    /** Random bytes as header values: never an exception, always the peer or an address of the chain. */
    @Test
    void generatedJunkNeverThrowsAndNeverInventsAnAddress() {
        Random random = new Random(7239L);
        String alphabet = "0123456789abcdef:.[]\"%_, ;=forunknownFOR\t-/x";
        for (int run = 0; run < 5_000; run++) {
            StringBuilder value = new StringBuilder();
            IntStream.range(0, random.nextInt(60))
                    .forEach(i -> value.append(alphabet.charAt(random.nextInt(alphabet.length()))));
            for (List<String> chain : List.of(
                    ForwardedFor.xForwardedFor(List.of(value.toString())),
                    ForwardedFor.forwarded(List.of(value.toString())))) {
                InetAddress client = ForwardedFor.client(PROXY, chain, OURS);
                assertThat(client.equals(PROXY)
                                || chain.stream().map(ForwardedFor::parse).anyMatch(client::equals))
                        .as("%s -> %s", value, client)
                        .isTrue();
            }
        }
    }

    private static InetAddress xff(String header) {
        return ForwardedFor.client(PROXY, ForwardedFor.xForwardedFor(List.of(header)), OURS);
    }

    private static InetAddress randomOutsideAddress(Random random) {
        if (random.nextBoolean()) {
            return address("203.0." + random.nextInt(256) + "." + random.nextInt(256));
        }
        return address("2001:db8:" + Integer.toHexString(random.nextInt(0xfffe)) + "::"
                + Integer.toHexString(random.nextInt(0xffff)));
    }

    private static InetAddress randomProxy(Random random) {
        return random.nextBoolean()
                ? address("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                : address("2001:db8:ffff::" + Integer.toHexString(random.nextInt(0xffff)));
    }

    private static String randomClientClaim(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> asHop(randomProxy(random), random);
            case 1 -> asHop(randomOutsideAddress(random), random);
            case 2 -> "unknown";
            case 3 -> "_obfuscated" + random.nextInt(100);
            default -> "\"junk " + random.nextInt() + "\"";
        };
    }

    private static String asHop(InetAddress address, Random random) {
        String literal = address.getHostAddress();
        boolean ipv6 = literal.contains(":");
        return switch (random.nextInt(3)) {
            case 0 -> literal;
            case 1 -> ipv6 ? "[" + literal + "]:" + random.nextInt(65536) : literal + ":" + random.nextInt(65536);
            default -> ipv6 ? "[" + literal + "]" : literal;
        };
    }

    private static List<String> splitIntoLines(List<String> chain, Random random) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String hop : chain) {
            if (!line.isEmpty() && random.nextInt(3) == 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : random.nextBoolean() ? ", " : ",").append(hop);
        }
        lines.add(line.toString());
        return lines;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
