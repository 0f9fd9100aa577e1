package dev.vestibule.application.session;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LogOutEverywhereElse;
import dev.vestibule.domain.port.in.ThisBrowser;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Renews the user's stamp, keeps this browser under it, and ends every other sign-in. */
public final class LogOutEverywhereElseService implements LogOutEverywhereElse {

    private final UserRepository users;
    private final Transactions transactions;
    private final Containment containment;
    private final SecurityEvents events;

    public LogOutEverywhereElseService(
            UserRepository users, Transactions transactions, Containment containment, SecurityEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.containment = Objects.requireNonNull(containment, "containment");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Mono<SecurityStamp> logOutEverywhereElse(UserId user, ThisBrowser thisBrowser, Origin origin) {
        return Mono.defer(() -> {
            SecurityStamp newStamp = SecurityStamp.random();
            return transactions
                    .inTransaction(users.renewSecurityStamp(user, newStamp)
                            .then(containment.keepOnlyThisRememberedBrowser(user, thisBrowser, newStamp)))
                    .then(containment.endOtherSessions(user, thisBrowser))
                    .then(events.record(SecurityEventType.LOGGED_OUT_EVERYWHERE_ELSE, user, origin))
                    .thenReturn(newStamp);
        });
    }
}
