package dev.vestibule.adapters.web.wellknown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9116's fields from the setting; no contact, no file. */
class SecurityTxtTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T16:10:00Z"), ZoneOffset.UTC);

    @Test
    void withoutAContactThereIsNoFileRatherThanAFakeOne() {
        assertThat(SecurityTxt.of("", "https://vestibule.test").render(CLOCK)).isEmpty();
        assertThat(SecurityTxt.of("  ,  ", "https://vestibule.test").render(CLOCK))
                .isEmpty();
        assertThat(SecurityTxt.of(null, "https://vestibule.test").render(CLOCK)).isEmpty();
    }

    @Test
    void contactsAreUrisAndAPlainAddressBecomesMailto() {
        SecurityTxt file = SecurityTxt.of(
                "security@example.org, https://example.org/report, tel:+49-30-1234", "https://vestibule.test");

        assertThat(file.contacts())
                .containsExactly(
                        URI.create("mailto:security@example.org"),
                        URI.create("https://example.org/report"),
                        URI.create("tel:+49-30-1234"));
        assertThat(file.render(CLOCK).orElseThrow().lines())
                .startsWith(
                        "Contact: mailto:security@example.org",
                        "Contact: https://example.org/report",
                        "Contact: tel:+49-30-1234",
                        "Expires: 2027-03-07T00:00:00Z");
    }

    @Test
    void aWebContactMustUseHttpsAndNonsenseIsRefusedAtStartup() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityTxt.of("http://example.org", "https://x.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> SecurityTxt.of("call us", "https://x.test"));
    }

    @Test
    void theFileExpiresWithinAYearAsRfc9116Recommends() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SecurityTxt(
                        List.of(URI.create("mailto:a@b.test")), URI.create("https://x.test"), Duration.ofDays(400)));
    }
}
