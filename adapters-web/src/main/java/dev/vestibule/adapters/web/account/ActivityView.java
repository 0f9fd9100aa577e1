package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.event.SecurityEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the activity page: the browser as its User-Agent names it, not the raw header. */
record ActivityView(String when, String what, String from, String browser) {

    /** What {@code Origin} records when a request had no address. */
    private static final String UNKNOWN_ADDRESS = "unknown";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static ActivityView from(SecurityEvent event, Texts texts, BrowserNames browsers) {
        return new ActivityView(
                WHEN.format(event.occurredAt()),
                texts.get(ReasonTexts.of(event.type())),
                from(event.origin().clientAddress(), texts),
                texts.get(browsers.of(event.origin().userAgent())));
    }

    /** The address, or the words for Origin's placeholder when none was known. */
    private static String from(String clientAddress, Texts texts) {
        return UNKNOWN_ADDRESS.equals(clientAddress) ? texts.get("activity.from.unknown") : clientAddress;
    }
}
