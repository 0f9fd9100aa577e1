package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * The browser and system a User-Agent header names, as the activity page shows them ("Firefox 128 on
 * Windows 10"), read with uap-java's regexes. Parsing one header costs about a millisecond of regular
 * expressions, so each distinct header is parsed once and kept in a bounded least-recently-used cache; a
 * user's events mostly come from the same few browsers. What the header says is only what the browser
 * claims, and the page says so.
 */
@Component
class BrowserNames {

    static final int CACHED = 1_000;

    /** Reads and compiles uap-core's regexes once (about 0.3 s, at startup). */
    private final Parser parser = new Parser();

    private final Map<String, Text> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Text> eldest) {
            return size() > CACHED;
        }
    });

    /** The words for this header, not yet in any language. */
    Text of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Text.of("activity.browser.not-reported");
        }
        Text known = parsed.get(userAgent);
        if (known == null) {
            // Parsed outside the lock: two requests may parse the same header at once, and both get the same words.
            known = describe(parser.parse(userAgent));
            parsed.put(userAgent, known);
        }
        return known;
    }

    int cachedCount() {
        return parsed.size();
    }

    private static Text describe(Client client) {
        String browser = named(client.userAgent.family, client.userAgent.major, null);
        String system = named(client.os.family, client.os.major, client.os.minor);
        if (browser == null) {
            return system == null
                    ? Text.of("activity.browser.unknown")
                    : Text.of("activity.browser.unknown-on", system);
        }
        return system == null
                ? Text.of("activity.browser.named", browser)
                : Text.of("activity.browser.on", browser, system);
    }

    /** "Firefox 128", "iOS 17.5", "Windows 10"; null for what uap calls "Other". */
    private static String named(String family, String major, String minor) {
        if (family == null || family.isBlank() || family.equals("Other")) {
            return null;
        }
        StringBuilder name = new StringBuilder(family);
        if (major != null && !major.isBlank()) {
            name.append(' ').append(major);
            if (minor != null && !minor.isBlank()) {
                name.append('.').append(minor);
            }
        }
        return name.toString();
    }
}
