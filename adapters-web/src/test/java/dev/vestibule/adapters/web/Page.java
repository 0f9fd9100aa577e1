package dev.vestibule.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;

/** One response as a browser received it; the body, when there is one, parsed as HTML. */
public record Page(
        HttpStatusCode status, HttpHeaders headers, MultiValueMap<String, ResponseCookie> cookies, String body) {

    public Page {
        body = body == null ? "" : body;
    }

    public Document document() {
        return Jsoup.parse(body);
    }

    public int statusCode() {
        return status.value();
    }

    /**
     * The Location header of a redirect, exactly as sent. Security's handlers answer 302, controllers'
     * {@code Rendering.redirectTo} 303; a browser follows both with a GET.
     */
    public String location() {
        assertThat(status.value()).as("status of a redirect").isIn(302, 303);
        return headers.getFirst(HttpHeaders.LOCATION);
    }

    /** The texts of the flash messages on the page, in order. */
    public List<String> flashes() {
        return document().select(".flash").eachText();
    }

    /** The h1 of the page. */
    public String heading() {
        Element h1 = document().selectFirst("main h1");
        return h1 == null ? "" : h1.text();
    }

    /** The CSRF token of the first form on the page. */
    public String csrfToken() {
        Element input = document().selectFirst("input[type=hidden][name=_csrf]");
        assertThat(input).as("hidden _csrf input on the page").isNotNull();
        assertThat(input.val()).isNotBlank();
        return input.val();
    }

    /** The last value this response set for a cookie (empty when it was cleared), if it set one. */
    public Optional<ResponseCookie> cookie(String name) {
        List<ResponseCookie> set = cookies.get(name);
        return set == null || set.isEmpty() ? Optional.empty() : Optional.of(set.get(set.size() - 1));
    }

    /** Whether the visitor is signed in, judging by the navigation every page shows. */
    public boolean showsSignedIn() {
        return document().selectFirst("nav form.logout") != null;
    }
}
