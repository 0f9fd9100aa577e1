package dev.vestibule.domain.model.linktoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTokenTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generateWhenCalledThenHolds256BitsAsBase64Url() {
        LinkToken token = LinkToken.generate(RANDOM);

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token.value())).hasSize(32);
    }

    @Test
    void generateWhenCalledManyTimesThenNeverRepeats() {
        Set<String> values = new HashSet<>();
        IntStream.range(0, 10_000)
                .forEach(i -> values.add(LinkToken.generate(RANDOM).value()));

        assertThat(values).hasSize(10_000);
    }

    @Test
    void hashIsSha256OfTheTokenAndNotTheTokenItself() {
        LinkToken token = LinkToken.generate(RANDOM);

        assertThat(token.hash()).hasSize(43).isNotEqualTo(token.value()).isEqualTo(token.hash());
        assertThat(LinkToken.decode(token.value()).orElseThrow().hash()).isEqualTo(token.hash());
        assertThat(LinkToken.generate(RANDOM).hash()).isNotEqualTo(token.hash());
    }

    @Test
    void hashMatchesAKnownSha256Vector() {
        // printf 'A%.0s' $(seq 43) | sha256sum | xxd -r -p | base64 (then base64url, no padding)
        LinkToken token = LinkToken.decode("A".repeat(43)).orElseThrow();

        assertThat(token.hash()).isEqualTo("DwBzhbb51LfusnSGBa_hqYSgo7-j8BTQnip4TOnlzRo");
    }

    @Test
    void decodeWhenWellFormedThenTheSameToken() {
        LinkToken token = LinkToken.generate(RANDOM);

        assertThat(LinkToken.decode(token.value())).contains(token);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "short",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%",
                "../../../../../../../../../../etc/password1"
            })
    void decodeWhenMalformedThenNoToken(String text) {
        assertThat(LinkToken.decode(text)).isEmpty();
    }

    @Test
    void toStringNeverShowsTheToken() {
        LinkToken token = LinkToken.generate(RANDOM);

        assertThat(token.toString()).doesNotContain(token.value()).doesNotContain(token.hash());
    }
}
