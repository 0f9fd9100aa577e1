package dev.vestibule.application.session;

import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.ThisBrowser;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Ends a user's other sign-ins once their security stamp was renewed. The stamp alone already refuses
 * every other session (at its next request, on every instance, through the user cache's invalidation) and
 * every other remembered browser (at recognition); this also deletes them from their stores, so that the
 * sessions page no longer lists them and no store keeps what can never be used again. This browser's
 * remembered series is kept under the new stamp.
 */
public final class Containment {

    private final RememberedBrowserRepository rememberedBrowsers;
    private final SignedInSessions signedInSessions;

    public Containment(RememberedBrowserRepository rememberedBrowsers, SignedInSessions signedInSessions) {
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.signedInSessions = Objects.requireNonNull(signedInSessions, "signedInSessions");
    }

    /**
     * The database part, to run in the transaction that renews the stamp: keeps this browser's remembered
     * series under {@code newStamp} and forgets the user's other remembered browsers.
     */
    public Mono<Void> keepOnlyThisRememberedBrowser(UserId user, ThisBrowser thisBrowser, SecurityStamp newStamp) {
        return seriesOf(user, thisBrowser.rememberedBrowser())
                .flatMap(series -> rememberedBrowsers
                        .restamp(user, series, newStamp)
                        .then(rememberedBrowsers.removeAllOf(user, series)))
                .switchIfEmpty(Mono.defer(() -> rememberedBrowsers.removeAllOf(user, null)))
                .then();
    }

    /** The session store's part, after the commit: ends every other session of the user. */
    public Mono<Long> endOtherSessions(UserId user, ThisBrowser thisBrowser) {
        return signedInSessions.endAllBut(user, thisBrowser.session());
    }

    /** The series of the user's remembered browser with that handle, if the user has it. */
    Mono<String> seriesOf(UserId user, Optional<Handle> handle) {
        if (handle.isEmpty()) {
            return Mono.empty();
        }
        return rememberedBrowsers
                .findByUser(user)
                .map(RememberedBrowser::series)
                .filter(series -> Handle.of(series).equals(handle.get()))
                .next();
    }
}
