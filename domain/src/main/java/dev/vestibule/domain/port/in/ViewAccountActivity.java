package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Flux;

/** Shows a signed-in user their own recent security events. */
public interface ViewAccountActivity {

    Flux<SecurityEvent> recentActivity(UserId userId);
}
