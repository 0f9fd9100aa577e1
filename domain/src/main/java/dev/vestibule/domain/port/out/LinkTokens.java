package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where the links mailed to users are kept, by the hash of their token (never the token). A link is found and
 * spent only for its own purpose; spending is atomic, so a link works once even when two requests race.
 */
public interface LinkTokens {

    /** Stores a newly issued link. */
    Mono<Void> issue(IssuedLink link);

    /** The unspent link with this token hash and purpose that has not expired at {@code now}; empty otherwise. */
    Mono<IssuedLink> findValid(String tokenHash, LinkPurpose purpose, Instant now);

    /**
     * Spends the link if it is unspent and unexpired at {@code now}: of two concurrent calls for one link,
     * exactly one returns true.
     *
     * @return whether this call spent it
     */
    Mono<Boolean> spend(String tokenHash, LinkPurpose purpose, Instant now);

    /** Spends every unspent link of {@code userId} for {@code purpose} (a newer one replaces them); returns how many. */
    Mono<Long> spendAllFor(UserId userId, LinkPurpose purpose, Instant now);

    /** Deletes the links, spent or not, that expired at or before {@code now}; returns how many. */
    Mono<Long> removeExpired(Instant now);
}
