package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Text;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.event.ActivityEntry;
import dev.vestibule.domain.model.event.SecurityEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the activity page: the browser as its User-Agent names it, not the raw header. A group of events
 * (issue 13 finding 3) says how many times ({@code times}, "×300"), since when, and from how many addresses and
 * browsers; {@code times} and {@code since} are empty for a single event (the templates take an empty text as false).
 */
record ActivityView(String when, String what, String times, String since, String from, String browser) {

    /** What {@code Origin} records when a request had no address. */
    private static final String UNKNOWN_ADDRESS = "unknown";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static ActivityView from(SecurityEvent event, Texts texts, BrowserNames browsers) {
        return new ActivityView(
                WHEN.format(event.occurredAt()),
                texts.get(ReasonTexts.of(event.type())),
                "",
                "",
                from(event.origin().clientAddress(), texts),
                texts.get(browsers.of(event.origin().userAgent())));
    }

    // issue 13 finding 3: throttled bursts
    static ActivityView from(ActivityEntry entry, Texts texts, BrowserNames browsers) {
        String from = from(entry.origin().clientAddress(), texts);
        String browser = texts.get(browsers.of(entry.origin().userAgent()));
        return new ActivityView(
                WHEN.format(entry.newest()),
                texts.get(ReasonTexts.of(entry.type())),
                entry.occurrences() > 1 ? "×" + entry.occurrences() : "",
                entry.oldest().equals(entry.newest())
                        ? ""
                        : texts.get(Text.of("activity.group.since", WHEN.format(entry.oldest()))),
                entry.addresses() > 1
                        ? texts.get(Text.of("activity.group.more-addresses", from, entry.addresses() - 1))
                        : from,
                entry.browsers() > 1
                        ? texts.get(Text.of("activity.group.more-browsers", browser, entry.browsers() - 1))
                        : browser);
    }

    /** The address, or the words for Origin's placeholder when none was known. */
    private static String from(String clientAddress, Texts texts) {
        return UNKNOWN_ADDRESS.equals(clientAddress) ? texts.get("activity.from.unknown") : clientAddress;
    }
}
