package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.event.SecurityEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One line of the activity page. */
record ActivityView(String when, String what, String from, String browser) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int BROWSER_SHOWN = 120;

    static ActivityView from(SecurityEvent event, Texts texts) {
        String agent = event.origin().userAgent();
        return new ActivityView(WHEN.format(event.occurredAt()), texts.get(ReasonTexts.of(event.type())),
                event.origin().clientAddress(),
                agent.length() <= BROWSER_SHOWN ? agent : agent.substring(0, BROWSER_SHOWN) + "…");
    }
}
