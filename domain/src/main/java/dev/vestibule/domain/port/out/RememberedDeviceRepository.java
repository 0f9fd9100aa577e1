package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.login.RememberedDevice;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where remembered browsers are kept, by series. */
public interface RememberedDeviceRepository {

    Mono<Void> add(RememberedDevice device);

    Mono<RememberedDevice> findBySeries(String series);

    /**
     * Replaces {@code current} with {@code next} only if the stored secret is still the one in
     * {@code current}: of two requests rotating the same token at once, exactly one wins.
     *
     * @return whether this call won
     */
    Mono<Boolean> replace(RememberedDevice current, RememberedDevice next);

    Mono<Void> remove(String series);

    /** Deletes devices whose lifetime ended before {@code now}; returns how many. */
    Mono<Long> removeExpired(Instant now);
}
