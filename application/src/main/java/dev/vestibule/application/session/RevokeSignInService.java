package dev.vestibule.application.session;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.RevokeSignIn;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Ends the sign-in with that handle, if it is the user's: a session is deleted from the session store; a
 * remembered browser is forgotten and the sessions it opened end with it (whoever holds its cookie would
 * otherwise stay signed in until their session expired).
 */
public final class RevokeSignInService implements RevokeSignIn {

    private final SignedInSessions signedInSessions;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final Containment containment;
    private final SecurityEvents events;

    public RevokeSignInService(
            SignedInSessions signedInSessions,
            RememberedBrowserRepository rememberedBrowsers,
            Containment containment,
            SecurityEvents events) {
        this.signedInSessions = Objects.requireNonNull(signedInSessions, "signedInSessions");
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.containment = Objects.requireNonNull(containment, "containment");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Mono<Boolean> revoke(UserId user, Handle handle, Origin origin) {
        Mono<Boolean> rememberedBrowser = containment
                .seriesOf(user, Optional.of(handle))
                .flatMap(series -> rememberedBrowsers
                        .remove(series)
                        .then(signedInSessions.endOpenedBy(user, handle))
                        .thenReturn(true));
        return rememberedBrowser
                .switchIfEmpty(Mono.defer(() -> signedInSessions.end(user, handle)))
                .flatMap(ended -> ended
                        ? events.record(SecurityEventType.SESSION_ENDED, user, origin)
                                .thenReturn(true)
                        : Mono.just(false));
    }
}
