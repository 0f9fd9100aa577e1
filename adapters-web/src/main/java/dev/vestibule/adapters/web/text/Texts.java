package dev.vestibule.adapters.web.text;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * The site's texts in one language: what a request's Accept-Language chose among {@link #SUPPORTED}, read
 * from the application context's message bundles. A key that no bundle has is an error, not a raw key on a
 * page; the bundle tests make sure it never happens.
 */
public final class Texts {

    /** English first: it is the default, for every visitor whose browser asks for neither language. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    public static final Locale DEFAULT = Locale.ENGLISH;

    /** The name the templates call the text lambda by: {@code {{#t}}login.button{{/t}}}. */
    public static final String LAMBDA = "t";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Mustache.Compiler ARGUMENT_COMPILER = Mustache.compiler();
    /** One tiny template per argument name the page templates use: a bounded set, fixed by the templates. */
    private static final Map<String, Template> ARGUMENT_TEMPLATES = new ConcurrentHashMap<>();

    private final MessageSource messages;
    private final Locale locale;

    public Texts(MessageSource messages, Locale locale) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * The texts of this request: the application's bundles (an application context is the MessageSource
     * of its {@code messageSource} bean) in the language the locale resolver chose from Accept-Language.
     */
    public static Texts of(ServerWebExchange exchange) {
        ApplicationContext context = exchange.getApplicationContext();
        if (context == null) {
            throw new IllegalStateException("no application context on this exchange to read the message bundles from");
        }
        return new Texts(context, localeOf(exchange));
    }

    /** The language the locale resolver chose for this request, or the default. */
    public static Locale localeOf(ServerWebExchange exchange) {
        Locale chosen = exchange.getLocaleContext().getLocale();
        return chosen == null ? DEFAULT : chosen;
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code <html lang>}: "en" or "de". */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    public String get(Text text) {
        return get(text.key(), text.arguments().toArray());
    }

    /**
     * The templates' way to the bundles: {@code {{#t}}key{{/t}}}, or {@code {{#t}}key name...{{/t}}} with the
     * values of those names (looked up as any Mustache name is, from the current section outwards) as the
     * message's arguments: {@code {{#t}}home.greeting username{{/t}}}. The body is rendered first, so
     * {@code {{#t}}{{pageKey}}.title{{/t}}} works too. The message is HTML-escaped once, arguments included.
     */
    public Mustache.Lambda lambda() {
        return (fragment, out) -> {
            String[] words = fragment.execute().strip().split("\\s+");
            Object[] arguments = new Object[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                arguments[i - 1] = valueOf(fragment, words[i]);
            }
            out.write(Escapers.HTML.escape(get(words[0], arguments)));
        };
    }

    private static String valueOf(Template.Fragment fragment, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a name a template may pass to a text: " + name);
        }
        Template unescaped =
                ARGUMENT_TEMPLATES.computeIfAbsent(name, n -> ARGUMENT_COMPILER.compile("{{{" + n + "}}}"));
        StringWriter value = new StringWriter();
        fragment.executeTemplate(unescaped, value);
        return value.toString();
    }
}
