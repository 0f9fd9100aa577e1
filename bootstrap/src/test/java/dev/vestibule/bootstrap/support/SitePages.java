package dev.vestibule.bootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;

/** What every page the site answers with has, and what none may show. */
public final class SitePages {

    /** Words that only appear in a page when internals leak: stack traces, exception names, framework pages. */
    private static final String[] INTERNALS = {
        "Exception",
        "exception",
        "at org.",
        "at dev.",
        "at java.",
        "at reactor.",
        "at io.",
        "Whitelabel",
        "Spring",
        "Netty",
        "netty",
        "reactor.",
        "trace",
        "Trace",
        "requestId"
    };

    private SitePages() {}

    /** An HTML page in the site layout (stylesheet, navigation, footer), and no internals in it. */
    public static void assertSitePage(Page page) {
        assertThat(page.headers().firstValue("Content-Type"))
                .as("content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        Element stylesheet = page.html().selectFirst("link[rel=stylesheet]");
        assertThat(stylesheet).as("stylesheet link in\n%s", page.body()).isNotNull();
        assertThat(stylesheet.attr("href")).isEqualTo("/css/app.css");
        assertThat(page.html().select("header.site-header nav a.brand[href=/]"))
                .as("navigation")
                .hasSize(1);
        assertThat(page.html().select("footer.site-footer")).as("footer").hasSize(1);
        assertNoInternals(page);
    }

    /** The answer while a store is down: the 503 page in the site layout, with Retry-After and nothing internal. */
    public static void assertOutagePage(Page page) {
        assertThat(page.status()).as("status").isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After"))
                .as("Retry-After")
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(page.heading()).isEqualTo("Temporarily unavailable");
        assertThat(page.html().selectFirst("link[rel=stylesheet]"))
                .as("stylesheet link")
                .isNotNull();
        assertThat(page.html().select("header.site-header nav a.brand[href=/]"))
                .as("navigation")
                .hasSize(1);
        assertThat(page.html().select("footer.site-footer")).as("footer").hasSize(1);
        assertThat(page.body()).as("body").doesNotContain(INTERNALS);
    }

    /** Whatever the response is, nothing of the machinery behind it shows. */
    public static void assertNoInternals(Page page) {
        assertThat(page.status()).as("status").isLessThan(500);
        assertThat(page.body()).as("body").doesNotContain(INTERNALS);
    }

    /** The explanation an error page gives for refusing the request. */
    public static String explanation(Page page) {
        Element explanation = page.html().selectFirst("main .explanation");
        return explanation == null ? "" : explanation.text();
    }
}
