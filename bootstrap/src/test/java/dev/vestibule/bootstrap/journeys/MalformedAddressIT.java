package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.SitePages.assertSitePage;
import static dev.vestibule.bootstrap.support.SitePages.explanation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RawHttp;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Addresses with broken percent-encoding or characters a URI may not hold raw, sent byte for byte as
 * a hand-typed link or a careless client would. A query string is read leniently (a stray "%" is a
 * literal "%", as browsers read it); a path that stays ambiguous is a 400 page. Never an empty answer,
 * never a 500.
 */
class MalformedAddressIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "/login?next=%zz         | Log In",
                "/login?next=%           | Log In",
                "/login?next=/top-secret%| Log In",
                "/login?next=%E2%82      | Log In",
                "/register?next=%2       | Register",
                "'/?%'                   | Hello, Anonymous!",
                "'/?q=100%'              | Hello, Anonymous!",
                "'/?a|b'                 | Hello, Anonymous!",
                "'/?a{b}^c'              | Hello, Anonymous!",
                "'/?a[]=1'               | Hello, Anonymous!",
                "'/?a=\"<x>\"'           | Hello, Anonymous!",
                "'/?a=b\\c'              | Hello, Anonymous!",
                "'/?a=%00'               | Hello, Anonymous!",
                // The euro sign in raw UTF-8: its second byte reads as a C1 control character.
                "'/?q=\u00e2\u0082\u00ac'  | Hello, Anonymous!"
            })
    void aPageWithABrokenQueryStringStillOpens(String target, String heading) {
        Page page = RawHttp.get(vestibule.baseUrl(), target.strip());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo(heading);
        assertSitePage(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login?next=%zz", "/login?next=/top-secret%", "/login?next=%2F%2", "/login?next=/%zz/x"})
    void aBrokenNextIsNotCarriedIntoTheLoginForm(String target) {
        Page page = RawHttp.get(vestibule.baseUrl(), target);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("Log In");
        assertThat(page.html().select("input[name=next]"))
                .as("no destination carried")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/%zz", "/a%2", "/top-secret%", "/a%25b", "/a;b", "/a%2Fb", "/a\\b", "/a/../top-secret", "/%00"})
    void aBrokenOrAmbiguousPathGetsThe400Page(String target) {
        Page page = RawHttp.get(vestibule.baseUrl(), target);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.heading()).isEqualTo("Bad request");
        assertThat(explanation(page))
                .isEqualTo("The address of this request contains characters or sequences this site does not accept.");
        assertSitePage(page);
    }
}
