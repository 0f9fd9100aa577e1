package dev.vestibule.adapters.web.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundles against each other and against what uses them: both languages have the same keys and take
 * the same arguments, every message is a valid MessageFormat pattern, and every key a template or the code
 * names exists (and every key is named somewhere), so that no page can show a raw key.
 */
class MessageBundlesTests {

    private static final Map<String, String> ENGLISH = bundle("messages.properties");
    private static final Map<String, String> GERMAN = bundle("messages_de.properties");

    /** {{#t}}key name...{{/t}} with nothing rendered inside: the key is the first word. */
    private static final Pattern TEMPLATE_TEXT = Pattern.compile("\\{\\{#t}}([^{}]+)\\{\\{/t}}");
    /** {{#t}}{{pageKey}}.title{{/t}}: the page's own keys, named after its view. */
    private static final Pattern PAGE_TEXT = Pattern.compile("\\{\\{#t}}\\{\\{pageKey}}(\\.[a-z-]+)\\{\\{/t}}");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(GERMAN.keySet())
                .as("keys of messages_de.properties")
                .containsExactlyInAnyOrderElementsOf(ENGLISH.keySet());
        assertThat(ENGLISH).isNotEmpty();
    }

    @Test
    void everyMessageHasTextAndParsesAsMessageFormatWithItsApostrophesDoubled() {
        for (var bundle : Map.of(Locale.ENGLISH, ENGLISH, Locale.GERMAN, GERMAN).entrySet()) {
            bundle.getValue().forEach((key, message) -> {
                assertThat(message).as("%s (%s)", key, bundle.getKey()).isNotBlank();
                assertThatCode(() -> new MessageFormat(message, bundle.getKey()))
                        .as("%s (%s)", key, bundle.getKey())
                        .doesNotThrowAnyException();
                assertThat(LONE_APOSTROPHE.matcher(message).find())
                        .as(
                                "%s (%s) has a single apostrophe, which MessageFormat swallows: write ''",
                                key, bundle.getKey())
                        .isFalse();
            });
        }
    }

    @Test
    void bothLanguagesTakeTheSameArguments() {
        ENGLISH.forEach((key, english) ->
                assertThat(placeholders(GERMAN.get(key))).as(key).isEqualTo(placeholders(english)));
    }

    @Test
    void everyKeyATemplateNamesExists() {
        templates()
                .forEach((name, source) -> keysNamedBy(source)
                        .forEach(key ->
                                assertThat(ENGLISH).as("template %s", name).containsKey(key)));
    }

    /** The layout names each page's title and description by the page's view name ("error.404.title"). */
    @Test
    void everyPageHasItsTitleAndDescription() {
        Map<String, String> pages = pages();
        assertThat(pages).as("templates with the layout").containsKeys("home/index", "login/login", "error/404");
        assertThat(pageKeySuffixes()).containsExactlyInAnyOrder(".title", ".description");
        pages.keySet()
                .forEach(page -> pageKeySuffixes()
                        .forEach(suffix -> assertThat(ENGLISH).as(page).containsKey(pageKey(page) + suffix)));
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> namespaces = ENGLISH.keySet().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> named = keysNamedByTheCode(namespaces);
        assertThat(named).as("keys found in the main code").isNotEmpty();
        assertThat(ENGLISH.keySet()).containsAll(named);
    }

    @Test
    void everyKeyIsNamedSomewhere() {
        Set<String> namespaces = ENGLISH.keySet().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>(keysNamedByTheCode(namespaces));
        templates().values().forEach(source -> used.addAll(keysNamedBy(source)));
        pages().keySet().forEach(page -> pageKeySuffixes().forEach(suffix -> used.add(pageKey(page) + suffix)));
        assertThat(used).as("keys named by templates and code").containsAll(ENGLISH.keySet());
    }

    private static Set<String> keysNamedBy(String templateSource) {
        Set<String> keys = new TreeSet<>();
        Matcher text = TEMPLATE_TEXT.matcher(templateSource);
        while (text.find()) {
            keys.add(text.group(1).strip().split("\\s+")[0]);
        }
        return keys;
    }

    /** String literals in main code that look like keys of the bundles' namespaces ("flash.logged-out"). */
    private static Set<String> keysNamedByTheCode(Set<String> namespaces) {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Set<String> keys = new TreeSet<>();
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher literal = STRING_LITERAL.matcher(read(file));
                while (literal.find()) {
                    String candidate = literal.group(1);
                    if (namespaces.contains(candidate.substring(0, candidate.indexOf('.')))) {
                        keys.add(candidate);
                    }
                }
            });
            return keys;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** What the templates append to {@code {{pageKey}}}: the keys every page has of its own. */
    private static Set<String> pageKeySuffixes() {
        Set<String> suffixes = new TreeSet<>();
        templates().values().forEach(source -> {
            Matcher own = PAGE_TEXT.matcher(source);
            while (own.find()) {
                suffixes.add(own.group(1));
            }
        });
        return suffixes;
    }

    private static Map<String, String> pages() {
        Map<String, String> pages = new TreeMap<>(templates());
        pages.values().removeIf(source -> !source.contains("{{> layout/header}}"));
        return pages;
    }

    private static String pageKey(String view) {
        return view.replace('/', '.');
    }

    /** Template sources by view name ("error/404"), as the view resolver names them. */
    private static Map<String, String> templates() {
        try {
            Map<String, String> templates = new TreeMap<>();
            for (Resource template :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.mustache")) {
                String url = template.getURL().toString();
                String name = url.substring(
                        url.lastIndexOf("/templates/") + "/templates/".length(), url.length() - ".mustache".length());
                templates.put(name, template.getContentAsString(StandardCharsets.UTF_8));
            }
            assertThat(templates).isNotEmpty();
            return templates;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> indexes = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        while (placeholder.find()) {
            indexes.add(placeholder.group(1));
        }
        return indexes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Map<String, String> bundle(String name) {
        var properties = new Properties();
        try (Reader reader = new InputStreamReader(
                MessageBundlesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((key, value) -> messages.put((String) key, (String) value));
        return messages;
    }
}
