package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where the browsers users signed in from are kept. */
public interface KnownBrowserRepository {

    Mono<Void> add(KnownBrowser device);

    /** Whether {@code deviceId} is a browser {@code userId} signed in from, and it has not expired. */
    Mono<Boolean> isKnown(String deviceId, UserId userId, Instant now);

    // account deletion
    /** Deletes every known browser of {@code userId}; returns how many. */
    Mono<Long> removeAllOf(UserId userId);

    /** Deletes the devices no longer known at {@code now} (expired at or before it); returns how many. */
    Mono<Long> removeExpired(Instant now);
}
