package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.ActivityPage;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Shows a signed-in user their own recent security events. */
public interface ViewAccountActivity {

    Flux<SecurityEvent> recentActivity(UserId userId);

    // issue 13 finding 3: throttled bursts
    /** Page {@code number} (1 is the newest) of the user's events, runs of one type grouped. */
    Mono<ActivityPage> activity(UserId userId, int number);
}
