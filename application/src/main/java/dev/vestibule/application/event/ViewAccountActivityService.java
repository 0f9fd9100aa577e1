package dev.vestibule.application.event;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.util.Objects;
import reactor.core.publisher.Flux;

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
}
