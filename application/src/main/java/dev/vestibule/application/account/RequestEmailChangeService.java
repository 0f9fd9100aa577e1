package dev.vestibule.application.account;

import dev.vestibule.application.emailconfirmation.EmailConfirmations;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.Validated;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.EmailChangeOutcome;
import dev.vestibule.domain.port.in.EmailChangeRequest;
import dev.vestibule.domain.port.in.RequestEmailChange;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Asks for a new address: the typed address is judged first (no password is checked for a typo), then the user
 * proves it is them, and only then is the address looked up, so that whether an address has an account is told
 * only to a re-authenticated user, in the words sign-up uses. In one transaction: the confirmation link to the new
 * address, the EMAIL_CHANGE_REQUESTED notice to the old one, and the event. The address itself does not change.
 */
public final class RequestEmailChangeService implements RequestEmailChange {

    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final UserRepository users;
    private final EmailConfirmations confirmations;
    private final MailOutbox outbox;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;

    public RequestEmailChangeService(
            ConfirmCurrentPassword confirmCurrentPassword,
            UserRepository users,
            EmailConfirmations confirmations,
            MailOutbox outbox,
            Transactions transactions,
            SecurityEvents events,
            Clock clock) {
        this.confirmCurrentPassword = Objects.requireNonNull(confirmCurrentPassword, "confirmCurrentPassword");
        this.users = Objects.requireNonNull(users, "users");
        this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<EmailChangeOutcome> request(EmailChangeRequest request) {
        Validated<EmailAddress, EmailRejection> parsed = EmailAddress.parse(request.newEmail());
        if (!parsed.isValid()) {
            return Mono.just(new EmailChangeOutcome.Invalid(parsed.fold(valid -> null, reason -> reason)));
        }
        EmailAddress newAddress = parsed.orElseThrow();
        return confirmCurrentPassword.confirm(request.reauthentication()).flatMap(outcome -> {
            if (!(outcome instanceof ReauthenticationOutcome.Confirmed confirmed)) {
                return Mono.just(new EmailChangeOutcome.NotConfirmed(outcome));
            }
            return users.findById(request.reauthentication().userId()).flatMap(user -> {
                if (user.email().equals(newAddress)) {
                    return Mono.just(new EmailChangeOutcome.Unchanged());
                }
                return users.isEmailTaken(newAddress).flatMap(taken -> {
                    if (taken) {
                        return Mono.just(new EmailChangeOutcome.Taken());
                    }
                    Instant now = clock.instant();
                    var origin = request.reauthentication().origin();
                    SecurityNotice notice = new SecurityNotice(
                            user.id(),
                            user.email(),
                            user.username(),
                            request.languageTag(),
                            SecurityNotice.Notice.EMAIL_CHANGE_REQUESTED,
                            now,
                            origin);
                    return transactions
                            .inTransaction(confirmations
                                    .send(user, newAddress, request.languageTag(), now)
                                    .then(outbox.enqueue(notice, now))
                                    .then(events.record(SecurityEventType.EMAIL_CHANGE_REQUESTED, user.id(), origin)))
                            .thenReturn(new EmailChangeOutcome.Requested(newAddress, confirmed.passwordCheckedAt()));
                });
            });
        });
    }
}
