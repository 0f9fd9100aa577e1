package dev.vestibule.adapters.web.account;

import static dev.vestibule.adapters.web.text.TestTexts.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.text.TestTexts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BrowserNamesTests {

    /** One parser for the class: reading its regexes takes a noticeable fraction of a second. */
    private static final BrowserNames BROWSERS = new BrowserNames();

    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Test
    void ofWhenAWellKnownBrowserThenItsNameMajorVersionAndSystem() {
        assertThat(english(BROWSERS.of(FIREFOX_ON_WINDOWS))).isEqualTo("Firefox 128 on Windows 10");
        assertThat(english(BROWSERS.of(SAFARI_ON_IPHONE))).isEqualTo("Mobile Safari 17 on iOS 17.5");
        assertThat(TestTexts.in(Locale.GERMAN).get(BROWSERS.of(FIREFOX_ON_WINDOWS)))
                .isEqualTo("Firefox 128 unter Windows 10");
    }

    @Test
    void ofWhenTheHeaderNamesNoBrowserThenSaysSoInsteadOfShowingIt() {
        assertThat(english(BROWSERS.of("Java-http-client/17.0.12"))).isEqualTo("Unknown browser");
        assertThat(english(BROWSERS.of("<script>alert(1)</script>"))).isEqualTo("Unknown browser");
        assertThat(english(BROWSERS.of(""))).isEqualTo("Not reported");
        assertThat(english(BROWSERS.of("curl/8.5.0"))).isEqualTo("curl 8");
    }

    @Test
    void ofParsesEachHeaderOnceAndKeepsABoundedNumber() {
        BrowserNames browsers = new BrowserNames();
        assertThat(browsers.of(FIREFOX_ON_WINDOWS)).isSameAs(browsers.of(FIREFOX_ON_WINDOWS));

        for (int i = 0; i < BrowserNames.CACHED + 50; i++) {
            browsers.of("Mozilla/5.0 (X11; Linux x86_64; rv:" + i + ".0) Gecko/20100101 Firefox/" + i + ".0");
        }

        assertThat(browsers.cachedCount()).isEqualTo(BrowserNames.CACHED);
    }
}
