package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
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

    /**
     * Spends one grace use of the secret {@code device}'s last rotation replaced, only if that rotation is still
     * the stored one and fewer than {@code allowed} uses were spent since: of parallel requests, at most
     * {@code allowed} win, on whichever instance they run. The rotation writes the browser and resets the count
     * ({@link #replace}).
     *
     * @return whether this call spent one
     */
    Mono<Boolean> spendGraceUse(RememberedBrowser device, int allowed);

    Mono<Void> remove(String series);

    /** The user's remembered browsers, oldest first. */
    Flux<RememberedBrowser> findByUser(UserId user);

    /** Keeps the browser {@code series} of {@code user} under the user's new stamp; whether there was one. */
    Mono<Boolean> restamp(UserId user, String series, SecurityStamp newStamp);

    /** Forgets every browser of the user except {@code keepSeries} (may be null: forget all); how many went. */
    Mono<Long> removeAllOf(UserId user, String keepSeries);

    // account deletion
    /** Deletes every remembered browser of {@code userId}; returns how many. */
    default Mono<Long> removeAllOf(UserId userId) {
        return removeAllOf(userId, null);
    }

    /** Deletes devices whose lifetime ended before {@code now}; returns how many. */
    Mono<Long> removeExpired(Instant now);
}
