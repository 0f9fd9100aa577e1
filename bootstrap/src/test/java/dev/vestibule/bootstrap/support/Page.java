package dev.vestibule.bootstrap.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One HTTP response as a browser received it. */
public record Page(int status, HttpHeaders headers, String body) {

    public Document html() {
        return Jsoup.parse(body);
    }

    public Optional<String> location() {
        return headers.firstValue("Location");
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    public List<String> setCookieHeaders() {
        return headers.allValues("Set-Cookie");
    }

    /** The raw Set-Cookie header for {@code name}, for asserting its attributes. */
    public Optional<String> setCookie(String name) {
        return setCookieHeaders().stream()
                .filter(header -> header.startsWith(name + "="))
                .reduce((first, last) -> last);
    }

    /** The flash messages shown on this page, in order. */
    public List<String> flashes() {
        return html().select(".flash").stream().map(Element::text).toList();
    }

    /** The page's main heading. */
    public String heading() {
        Element heading = html().selectFirst("main h1");
        return heading == null ? "" : heading.text();
    }

    /** The errors shown next to a form field, by the field's id. */
    public List<String> fieldErrors(String fieldId) {
        return html().select("#" + fieldId + "-errors .field-error").stream()
                .map(Element::text)
                .toList();
    }
}
