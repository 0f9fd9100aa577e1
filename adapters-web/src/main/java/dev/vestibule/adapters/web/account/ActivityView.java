package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.event.SecurityEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the activity page: the browser as its User-Agent names it, not the raw header. */
record ActivityView(String when, String what, String from, String browser) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static ActivityView from(SecurityEvent event, Texts texts, BrowserNames browsers) {
        return new ActivityView(WHEN.format(event.occurredAt()), texts.get(ReasonTexts.of(event.type())),
                event.origin().clientAddress(), texts.get(browsers.of(event.origin().userAgent())));
    }
}
