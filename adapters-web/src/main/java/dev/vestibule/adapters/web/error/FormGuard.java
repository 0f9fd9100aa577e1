package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Text;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The forms of the HTTP contract (POST /login, /register, /account/delete), as the contract defines them, checked on the
 * raw request before CSRF, form login or a controller sees it: sent as a URL-encoded form in a charset
 * we read (415 otherwise); each contract field at most once, since two values are ambiguous and
 * different parts of the stack would pick different ones; no field longer than its maximum, so that no
 * megabyte password is ever hashed; no NUL character, which no field may hold and which PostgreSQL
 * refuses in text (400 otherwise, with an explanation naming the field). Missing fields are left to the
 * page, which answers them as it answers empty ones. Fields outside the contract are ignored.
 *
 * <p>Runs after {@link MalformedFormFilter}, which has already read (and cached) the body.
 */
public final class FormGuard implements WebFilter {

    /** Browsers send forms in UTF-8 without a charset parameter; these are the other charsets read as sent. */
    private static final Set<Charset> READABLE_CHARSETS =
            Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

    /**
     * The fields of each form and their longest values. A password may be four times the policy's default
     * maximum, so that the policy's own message ("at most 256 characters") shows for the lengths in between;
     * a username at login may be an email address.
     */
    static final Map<String, List<Field>> FIELDS_BY_PATH = Map.of(
            "/login",
            List.of(
                    new Field("username", 254),
                    new Field("password", 1024),
                    new Field("remember-me", 2),
                    new Field("next", 2048),
                    new Field("_csrf", 256)),
            "/register",
            List.of(
                    new Field("username", 254),
                    new Field("email", 254),
                    new Field("password", 1024),
                    new Field("password2", 1024),
                    new Field("next", 2048),
                    new Field("_csrf", 256)),
            // account deletion, email change
            "/account/delete",
            List.of(new Field("current-password", 1024), new Field("_csrf", 256)),
            "/account/email",
            List.of(new Field("email", 254), new Field("current-password", 1024), new Field("_csrf", 256)),
            // Password reset: the request form; the new-password forms are under PASSWORD_RESET_LINKS.
            "/password-reset",
            List.of(new Field("email", 254), new Field("_csrf", 256)));

    /** The new-password form that every mailed reset link ({@code /password-reset/<token>}) opens. */
    static final String PASSWORD_RESET_LINKS = "/password-reset/";

    static final List<Field> PASSWORD_RESET_LINK_FIELDS =
            List.of(new Field("password", 1024), new Field("password2", 1024), new Field("_csrf", 256));

    private static List<Field> fieldsOf(String path) {
        List<Field> fields = FIELDS_BY_PATH.get(path);
        if (fields == null
                && path.startsWith(PASSWORD_RESET_LINKS)
                && path.indexOf('/', PASSWORD_RESET_LINKS.length()) < 0) {
            return PASSWORD_RESET_LINK_FIELDS;
        }
        return fields;
    }

    static final Text NOT_A_FORM = Text.of("refused.not-a-form");
    static final Text UNREADABLE_CHARSET = Text.of("refused.unreadable-charset");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<Field> fields = fieldsOf(request.getPath().pathWithinApplication().value());
        if (fields == null || !HttpMethod.POST.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return Mono.error(new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_A_FORM));
        }
        if (contentType.getCharset() != null && !READABLE_CHARSETS.contains(contentType.getCharset())) {
            return Mono.error(new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNREADABLE_CHARSET));
        }
        return exchange.getFormData()
                .flatMap(form -> problem(form, fields)
                        .map(explanation -> Mono.<Void>error(new RefusedRequest(HttpStatus.BAD_REQUEST, explanation)))
                        .orElseGet(() -> chain.filter(exchange)));
    }

    /** The first thing wrong with the form, as the page will say it. */
    static Optional<Text> problem(MultiValueMap<String, String> form, List<Field> fields) {
        for (Field field : fields) {
            String name = field.name();
            List<String> values = form.getOrDefault(name, List.of());
            if (values.size() > 1) {
                return Optional.of(Text.of("refused.field-repeated", name));
            }
            for (String value : values) {
                if (value == null) {
                    continue; // "name" without "=": present, and as empty as "name="
                }
                if (value.codePointCount(0, value.length()) > field.maxLength()) {
                    return Optional.of(Text.of("refused.field-too-long", name, field.maxLength()));
                }
                if (value.indexOf('\0') >= 0) {
                    return Optional.of(Text.of("refused.field-with-nul", name));
                }
            }
        }
        return Optional.empty();
    }

    /** A field of a form and its longest acceptable value, in characters (code points). */
    record Field(String name, int maxLength) {}
}
