package dev.vestibule.application.account;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.AccountDeletionOutcome;
import dev.vestibule.domain.port.in.AccountDeletionRequest;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.DeleteAccount;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Deletes an account once its user proved it is them. In one transaction: the deletion is recorded, the user's
 * queued mails are dropped and the deletion notice queued to their address, their mailed links are spent, their
 * remembered and known browsers
 * are deleted, their security events are anonymised (a pseudonym drawn for this deletion, no address, no user
 * agent), and the user row goes. Sessions are not touched here: every instance loads the user on each request,
 * and a user who no longer loads is signed out there. The username and email address are free again at once.
 */
public final class DeleteAccountService implements DeleteAccount {

    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final UserRepository users;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final KnownBrowserRepository knownBrowsers;
    private final SecurityEventLog securityEventLog;
    private final MailOutbox outbox;
    private final LinkTokens linkTokens;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final Clock clock;

    public DeleteAccountService(
            ConfirmCurrentPassword confirmCurrentPassword,
            UserRepository users,
            RememberedBrowserRepository rememberedBrowsers,
            KnownBrowserRepository knownBrowsers,
            SecurityEventLog securityEventLog,
            MailOutbox outbox,
            LinkTokens linkTokens,
            Transactions transactions,
            SecurityEvents events,
            Clock clock) {
        this.confirmCurrentPassword = Objects.requireNonNull(confirmCurrentPassword, "confirmCurrentPassword");
        this.users = Objects.requireNonNull(users, "users");
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.knownBrowsers = Objects.requireNonNull(knownBrowsers, "knownBrowsers");
        this.securityEventLog = Objects.requireNonNull(securityEventLog, "securityEventLog");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<AccountDeletionOutcome> delete(AccountDeletionRequest request) {
        UserId id = request.reauthentication().userId();
        return confirmCurrentPassword.confirm(request.reauthentication()).flatMap(outcome -> {
            if (!(outcome instanceof ReauthenticationOutcome.Confirmed)) {
                return Mono.just(new AccountDeletionOutcome.NotConfirmed(outcome));
            }
            return users.findById(id)
                    .flatMap(user -> transactions.inTransaction(erase(user, request)))
                    // Already gone (a second tab, an administrator): what the user asked for is done.
                    .thenReturn(new AccountDeletionOutcome.Deleted());
        });
    }

    private Mono<Void> erase(User user, AccountDeletionRequest request) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            var origin = request.reauthentication().origin();
            SecurityNotice notice = new SecurityNotice(
                    user.id(),
                    user.email(),
                    user.username(),
                    request.languageTag(),
                    SecurityNotice.Notice.ACCOUNT_DELETED,
                    now,
                    origin);
            return events.record(SecurityEventType.ACCOUNT_DELETED, user.id(), origin)
                    .then(outbox.discardQueuedFor(user.id(), MailKind.ACCOUNT_DELETED_NOTICE))
                    .then(outbox.enqueue(notice, now))
                    // No mailed link of the account works any more (the database then deletes them with the user).
                    .then(linkTokens.spendAllFor(user.id(), LinkPurpose.PASSWORD_RESET, now))
                    .then(linkTokens.spendAllFor(user.id(), LinkPurpose.EMAIL_CONFIRMATION, now))
                    .then(rememberedBrowsers.removeAllOf(user.id()))
                    .then(knownBrowsers.removeAllOf(user.id()))
                    .then(securityEventLog.anonymise(user.id(), UserId.random()))
                    .then(users.remove(user.id()));
        });
    }
}
