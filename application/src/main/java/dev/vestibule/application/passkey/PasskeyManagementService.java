package dev.vestibule.application.passkey;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyId;
import dev.vestibule.domain.model.passkey.PasskeyName;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.PasskeyChange;
import dev.vestibule.domain.port.in.PasskeyRemovalCommand;
import dev.vestibule.domain.port.in.PasskeyRenameCommand;
import dev.vestibule.domain.port.in.RemovePasskey;
import dev.vestibule.domain.port.in.RenamePasskey;
import dev.vestibule.domain.port.in.ViewPasskeys;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's own passkeys: listing, renaming, removing. Every change is scoped to the user, so another user's passkey
 * id changes nothing; a removal stores its event and the SECOND_FACTOR_CHANGED notice in one transaction.
 */
public final class PasskeyManagementService implements ViewPasskeys, RenamePasskey, RemovePasskey {

    private final PasskeyRepository passkeys;
    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final UserRepository users;
    private final MailOutbox outbox;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;

    /** @param confirmCurrentPassword asked before a removal: taking a second factor away needs a fresh re-authentication */
    public PasskeyManagementService(
            PasskeyRepository passkeys,
            ConfirmCurrentPassword confirmCurrentPassword,
            UserRepository users,
            MailOutbox outbox,
            Transactions transactions,
            SecurityEvents events,
            Clock clock) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.confirmCurrentPassword = Objects.requireNonNull(confirmCurrentPassword, "confirmCurrentPassword");
        this.users = Objects.requireNonNull(users, "users");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Flux<Passkey> of(UserId userId) {
        return passkeys.findByUser(userId);
    }

    @Override
    public Mono<PasskeyChange> rename(PasskeyRenameCommand command) {
        Optional<PasskeyId> id = PasskeyId.parse(command.passkeyId());
        if (id.isEmpty()) {
            return Mono.just(PasskeyChange.NOT_FOUND);
        }
        Optional<String> name = PasskeyName.parse(command.name());
        if (name.isEmpty()) {
            return Mono.just(PasskeyChange.INVALID_NAME);
        }
        return passkeys.rename(command.userId(), id.get(), name.get(), clock.instant())
                .flatMap(renamed -> renamed
                        ? events.record(SecurityEventType.PASSKEY_RENAMED, command.userId(), command.origin())
                                .thenReturn(PasskeyChange.DONE)
                        : Mono.just(PasskeyChange.NOT_FOUND));
    }

    @Override
    public Mono<PasskeyChange> remove(PasskeyRemovalCommand command) {
        Optional<PasskeyId> id = PasskeyId.parse(command.passkeyId());
        if (id.isEmpty()) {
            return Mono.just(PasskeyChange.NOT_FOUND);
        }
        return confirmCurrentPassword.confirm(command.reauthentication()).flatMap(outcome -> {
            if (outcome instanceof ReauthenticationOutcome.Throttled) {
                return Mono.just(PasskeyChange.THROTTLED);
            }
            if (!outcome.confirmed()) {
                return Mono.just(PasskeyChange.NOT_CONFIRMED);
            }
            return removeConfirmed(command, id.get());
        });
    }

    private Mono<PasskeyChange> removeConfirmed(PasskeyRemovalCommand command, PasskeyId id) {
        return users.findById(command.userId())
                .flatMap(user -> {
                    Instant now = clock.instant();
                    return transactions.inTransaction(passkeys.remove(user.id(), id)
                            .flatMap(removed -> removed
                                    ? outbox.enqueue(
                                                    PasskeyNotices.secondFactorChanged(
                                                            user, command.languageTag(), now, command.origin()),
                                                    now)
                                            .then(events.record(
                                                    SecurityEventType.PASSKEY_REMOVED, user.id(), command.origin()))
                                            .thenReturn(PasskeyChange.DONE)
                                    : Mono.just(PasskeyChange.NOT_FOUND)));
                })
                .defaultIfEmpty(PasskeyChange.NOT_FOUND);
    }
}
