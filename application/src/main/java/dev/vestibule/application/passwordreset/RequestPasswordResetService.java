package dev.vestibule.application.passwordreset;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Validated;
import dev.vestibule.domain.port.in.PasswordResetRequest;
import dev.vestibule.domain.port.in.PasswordResetRequestOutcome;
import dev.vestibule.domain.port.in.RequestPasswordReset;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Mails a reset link to the account that has the address, if one has. The link and its mail are written in one
 * transaction (a committed link never loses its mail, an SMTP outage only delays it), and the account's older
 * links are spent in the same one. Whatever happened, the caller gets the same answer; an address without an
 * account costs the same round trips as far as they can be made without one (the lookup, then a transaction of
 * four statements and the commit), so that the answer takes no measurably different time.
 */
public final class RequestPasswordResetService implements RequestPasswordReset {

    static final String RESET_PATH = "/password-reset/";

    private final UserRepository users;
    private final LinkTokens linkTokens;
    private final MailOutbox outbox;
    private final Transactions transactions;
    private final AttemptLimiter limiter;
    private final AttemptLimit perAccount;
    private final AttemptLimit perClientAddress;
    private final PublicLinks links;
    private final Duration lifetime;
    private final SecurityEvents events;
    private final Clock clock;
    private final SecureRandom random;

    public RequestPasswordResetService(
            UserRepository users,
            LinkTokens linkTokens,
            MailOutbox outbox,
            Transactions transactions,
            AttemptLimiter limiter,
            AttemptLimit perAccount,
            AttemptLimit perClientAddress,
            PublicLinks links,
            Duration lifetime,
            SecurityEvents events,
            Clock clock,
            SecureRandom random) {
        this.users = Objects.requireNonNull(users, "users");
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perAccount = Objects.requireNonNull(perAccount, "perAccount");
        this.perClientAddress = Objects.requireNonNull(perClientAddress, "perClientAddress");
        this.links = Objects.requireNonNull(links, "links");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<PasswordResetRequestOutcome> request(PasswordResetRequest request, Origin origin) {
        Validated<EmailAddress, EmailRejection> parsed = EmailAddress.parse(request.email());
        if (!parsed.isValid()) {
            return Mono.just(new PasswordResetRequestOutcome.Rejected(parsed.fold(valid -> null, reason -> reason)));
        }
        EmailAddress email = parsed.orElseThrow();
        String language = Mail.language(request.languageTag());
        return permitted(email, origin)
                .flatMap(granted -> granted ? mailLinkIfAnAccountHas(email, language, origin) : Mono.<Void>empty())
                .thenReturn(PasswordResetRequestOutcome.ANSWERED);
    }

    /** The client address first: a flood from one address must not use up a victim's per-account allowance. */
    private Mono<Boolean> permitted(EmailAddress email, Origin origin) {
        return limiter.tryAcquire(origin.clientAddress(), perClientAddress).flatMap(client -> {
            if (client instanceof Permit.Denied) {
                return Mono.just(false);
            }
            return limiter.tryAcquire(email.value(), perAccount).map(account -> account instanceof Permit.Granted);
        });
    }

    private Mono<Void> mailLinkIfAnAccountHas(EmailAddress email, String language, Origin origin) {
        // findByLogin also matches usernames, which cannot contain '@'; the filter makes sure all the same.
        return users.findByLogin(email.value())
                .filter(user -> user.email().equals(email) && user.isActive())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> transactions.inTransaction(
                        Mono.defer(() -> account.map(user -> issueAndMail(user, language, origin))
                                .orElseGet(() -> noAccount(origin)))));
    }

    private Mono<Void> issueAndMail(User user, String language, Origin origin) {
        Instant now = clock.instant();
        LinkToken token = LinkToken.generate(random);
        IssuedLink link = IssuedLink.issue(token, LinkPurpose.PASSWORD_RESET, user.id(), user.email(), now, lifetime);
        Mail mail = new PasswordResetLink(
                user.id(), user.email(), user.username(), language, links.to(RESET_PATH + token.value()), lifetime);
        return linkTokens
                .spendAllFor(user.id(), LinkPurpose.PASSWORD_RESET, now)
                .then(linkTokens.issue(link))
                .then(outbox.enqueue(mail, now))
                .then(events.record(SecurityEventType.PASSWORD_RESET_REQUESTED, user.id(), origin));
    }

    /**
     * The same round trips without an account, statement for statement: the spending (it finds nothing), a lookup of
     * a random link where the link is inserted, another spending where the mail is queued, and the event (with no
     * user). Nothing is written but the event.
     */
    private Mono<Void> noAccount(Origin origin) {
        Instant now = clock.instant();
        UserId nobody = UserId.random();
        return linkTokens
                .spendAllFor(nobody, LinkPurpose.PASSWORD_RESET, now)
                .then(linkTokens.findValid(LinkToken.generate(random).hash(), LinkPurpose.PASSWORD_RESET, now))
                .then(linkTokens.spendAllFor(nobody, LinkPurpose.PASSWORD_RESET, now))
                .then(events.record(SecurityEventType.PASSWORD_RESET_REQUESTED, Optional.empty(), origin));
    }
}
