package dev.vestibule.application.passwordreset;

import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.PasswordResetCommand;
import dev.vestibule.domain.port.in.PasswordResetOutcome;
import dev.vestibule.domain.port.in.ResetPassword;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Sets a new password with a reset link. The link is checked, then the password against the policy (a refused
 * one spends nothing), then hashed off the event loop, and only then, in one transaction: the link is spent
 * (losing a race to another request is a used link), the password changed, the user's other reset links spent,
 * every remembered browser forgotten, the notice queued and the event recorded. Changing the password hash is
 * what ends every session of the user (the user repository renews the user's security stamp with it).
 */
public final class ResetPasswordService implements ResetPassword {

    private final LinkTokens linkTokens;
    private final UserRepository users;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final MailOutbox outbox;
    private final Transactions transactions;
    private final OffloadedPasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final SecurityEvents events;
    private final Clock clock;
    // issue 13 finding 8: breached passwords
    private final BreachCheck breachCheck;

    public ResetPasswordService(
            LinkTokens linkTokens,
            UserRepository users,
            RememberedBrowserRepository rememberedBrowsers,
            MailOutbox outbox,
            Transactions transactions,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            SecurityEvents events,
            Clock clock) {
        this(
                linkTokens,
                users,
                rememberedBrowsers,
                outbox,
                transactions,
                hasher,
                passwordPolicy,
                events,
                clock,
                BreachCheck.off());
    }

    /** As above, with the new password also asked of a breach corpus (issue 13 finding 8). */
    public ResetPasswordService(
            LinkTokens linkTokens,
            UserRepository users,
            RememberedBrowserRepository rememberedBrowsers,
            MailOutbox outbox,
            Transactions transactions,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            SecurityEvents events,
            Clock clock,
            BreachCheck breachCheck) {
        this.breachCheck = Objects.requireNonNull(breachCheck, "breachCheck");
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.users = Objects.requireNonNull(users, "users");
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<PasswordResetOutcome> reset(PasswordResetCommand command, Origin origin) {
        return LinkToken.decode(command.token())
                .map(token -> Mono.defer(() -> resetWith(token, command, origin)))
                .orElseGet(() -> Mono.just(PasswordResetOutcome.LINK_INVALID));
    }

    private Mono<PasswordResetOutcome> resetWith(LinkToken token, PasswordResetCommand command, Origin origin) {
        Instant now = clock.instant();
        return linkTokens
                .findValid(token.hash(), LinkPurpose.PASSWORD_RESET, now)
                .flatMap(link -> users.findById(link.userId())
                        .filter(user -> link.redeemableBy(user, now).isRedeemable())
                        .flatMap(user -> {
                            PasswordResetOutcome.Rejected rejected = problems(command, user);
                            if (rejected != null) {
                                return Mono.<PasswordResetOutcome>just(rejected);
                            }
                            // A refused password leaves the link unspent, as the policy's own refusals do.
                            return breachCheck
                                    .screen(command.password())
                                    .flatMap(breached -> breached.isPresent()
                                            ? Mono.<PasswordResetOutcome>just(new PasswordResetOutcome.Rejected(
                                                    List.of(new PasswordResetOutcome.WeakPassword(breached.get())),
                                                    List.of()))
                                            : hasher.hash(command.password())
                                                    .flatMap(hash ->
                                                            commit(link, user, hash, command.languageTag(), origin)));
                        }))
                .defaultIfEmpty(PasswordResetOutcome.LINK_INVALID);
    }

    private PasswordResetOutcome.Rejected problems(PasswordResetCommand command, User user) {
        List<PasswordResetOutcome.Problem> password = new ArrayList<>();
        List<PasswordResetOutcome.Problem> repeat = new ArrayList<>();
        if (command.password().isEmpty()) {
            password.add(new PasswordResetOutcome.PasswordMissing());
        } else {
            for (PasswordRejection rejection :
                    passwordPolicy.check(command.password(), user.username(), user.email())) {
                password.add(new PasswordResetOutcome.WeakPassword(rejection));
            }
            if (!command.password().equals(command.passwordRepeat())) {
                repeat.add(new PasswordResetOutcome.PasswordsDiffer());
            }
        }
        return password.isEmpty() && repeat.isEmpty() ? null : new PasswordResetOutcome.Rejected(password, repeat);
    }

    private Mono<PasswordResetOutcome> commit(
            IssuedLink link, User user, PasswordHash hash, String languageTag, Origin origin) {
        return transactions.inTransaction(Mono.defer(() -> {
            Instant now = clock.instant();
            return linkTokens
                    .spend(link.tokenHash(), LinkPurpose.PASSWORD_RESET, now)
                    .flatMap(won -> {
                        if (!won) {
                            return Mono.just(PasswordResetOutcome.LINK_INVALID);
                        }
                        SecurityNotice notice = new SecurityNotice(
                                user.id(),
                                user.email(),
                                user.username(),
                                Mail.language(languageTag),
                                SecurityNotice.Notice.PASSWORD_RESET,
                                now,
                                origin);
                        return users.changePasswordHash(user.id(), hash)
                                .then(linkTokens.spendAllFor(user.id(), LinkPurpose.PASSWORD_RESET, now))
                                .then(rememberedBrowsers.removeAllOf(user.id()))
                                .then(outbox.enqueue(notice, now))
                                .then(events.record(SecurityEventType.PASSWORD_RESET, user.id(), origin))
                                .thenReturn(new PasswordResetOutcome.Reset(user.username()));
                    });
        }));
    }
}
