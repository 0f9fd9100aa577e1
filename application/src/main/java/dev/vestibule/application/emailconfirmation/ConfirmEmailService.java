package dev.vestibule.application.emailconfirmation;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.ConfirmEmail;
import dev.vestibule.domain.port.in.EmailConfirmationOutcome;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.io.Serial;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Confirms the address a link was sent to: in one transaction the link is spent (of two presses, one wins), the
 * account's address becomes that address, marked confirmed, and the confirmation is recorded. When another account
 * took the address in the meantime, the whole transaction is rolled back: nothing changes, and the link stays
 * usable should the address become free again within its lifetime.
 */
public final class ConfirmEmailService implements ConfirmEmail {

    private final LinkTokens linkTokens;
    private final UserRepository users;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;

    public ConfirmEmailService(
            LinkTokens linkTokens,
            UserRepository users,
            Transactions transactions,
            SecurityEvents events,
            Clock clock) {
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.users = Objects.requireNonNull(users, "users");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<EmailConfirmationOutcome> confirm(String token, Origin origin) {
        return LinkToken.decode(token)
                .map(decoded -> Mono.defer(() -> {
                    Instant now = clock.instant();
                    return linkTokens
                            .findValid(decoded.hash(), LinkPurpose.EMAIL_CONFIRMATION, now)
                            .flatMap(link -> users.findById(link.userId())
                                    .filter(user -> link.redeemableBy(user, now).isRedeemable())
                                    .flatMap(user -> confirm(link, user, origin, now)));
                }))
                .orElse(Mono.empty())
                .defaultIfEmpty(new EmailConfirmationOutcome.LinkNotUsable());
    }

    private Mono<EmailConfirmationOutcome> confirm(IssuedLink link, User user, Origin origin, Instant now) {
        Mono<EmailConfirmationOutcome> work = linkTokens
                .spend(link.tokenHash(), LinkPurpose.EMAIL_CONFIRMATION, now)
                .flatMap(spent -> {
                    if (!spent) {
                        return Mono.just(new EmailConfirmationOutcome.LinkNotUsable());
                    }
                    return users.confirmEmail(user.id(), link.sentTo())
                            .flatMap(changed -> changed
                                    ? events.record(SecurityEventType.EMAIL_CONFIRMED, user.id(), origin)
                                            .thenReturn(new EmailConfirmationOutcome.Confirmed(link.sentTo()))
                                    : Mono.error(new AddressTakenMeanwhile()));
                });
        return transactions
                .inTransaction(work)
                .onErrorResume(
                        AddressTakenMeanwhile.class,
                        taken -> Mono.just(new EmailConfirmationOutcome.AddressTaken(link.sentTo())));
    }

    /** Rolls the transaction back (the spent link with it) when the address is no longer free. */
    private static final class AddressTakenMeanwhile extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        AddressTakenMeanwhile() {
            super("the address was taken meanwhile", null, false, false);
        }
    }
}
