package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where remembered browsers are kept, by series. */
public interface RememberedBrowserRepository {

    Mono<Void> add(RememberedBrowser device);

    Mono<RememberedBrowser> findBySeries(String series);

    /**
     * Replaces {@code current} with {@code next} only if the stored secret is still the one in
     * {@code current}: of two requests rotating the same token at once, exactly one wins.
     *
     * @return whether this call won
     */
    Mono<Boolean> replace(RememberedBrowser current, RememberedBrowser next);

    Mono<Void> remove(String series);

    /** Forgets every remembered browser of {@code userId} (a password reset ends them all); returns how many. */
    Mono<Long> removeAllFor(UserId userId);

    /** Deletes devices whose lifetime ended before {@code now}; returns how many. */
    Mono<Long> removeExpired(Instant now);
}
