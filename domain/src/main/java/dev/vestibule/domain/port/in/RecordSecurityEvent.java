package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Records a change of authentication state that only the web side sees (logout, a session ended by
 * policy); the use cases record their own events.
 */
public interface RecordSecurityEvent {

    Mono<Void> record(SecurityEventType type, Optional<UserId> userId, Origin origin);
}
