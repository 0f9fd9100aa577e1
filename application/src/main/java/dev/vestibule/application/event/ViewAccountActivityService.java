package dev.vestibule.application.event;

import dev.vestibule.domain.model.event.ActivityEntry;
import dev.vestibule.domain.model.event.ActivityPage;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in user's own recent events, newest first. */
public final class ViewAccountActivityService implements ViewAccountActivity {

    static final int SHOWN = 25;

    private final SecurityEventLog log;

    public ViewAccountActivityService(SecurityEventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Flux<SecurityEvent> recentActivity(UserId userId) {
        return log.recentFor(userId, SHOWN);
    }

    // issue 13 finding 3: throttled bursts
    /** One event more than a page is read, to know whether an older page follows. */
    @Override
    public Mono<ActivityPage> activity(UserId userId, int number) {
        ActivityPage.checkNumber(number);
        return log.recentFor(userId, (number - 1) * ActivityPage.SIZE, ActivityPage.SIZE + 1)
                .collectList()
                .map(events -> new ActivityPage(
                        ActivityEntry.grouped(events.subList(0, Math.min(events.size(), ActivityPage.SIZE))),
                        number,
                        events.size() > ActivityPage.SIZE));
    }
}
