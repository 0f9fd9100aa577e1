package dev.vestibule.application.emailconfirmation;

import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Issues a confirmation link for an address and queues its mail: what sign-up and an email change both do, inside
 * their own transaction. A new link spends the user's older confirmation links, so only the latest address asked
 * for can be confirmed.
 */
public final class EmailConfirmations {

    /** Where a confirmation link leads: {@code <public-url>/email-confirmation/<token>}. */
    public static final String PATH = "/email-confirmation/";

    private final LinkTokens linkTokens;
    private final MailOutbox outbox;
    private final PublicLinks links;
    private final Duration lifetime;
    private final SecureRandom random;

    public EmailConfirmations(
            LinkTokens linkTokens, MailOutbox outbox, PublicLinks links, Duration lifetime, SecureRandom random) {
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.links = Objects.requireNonNull(links, "links");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Spends the user's older links, issues a new one for {@code to} and queues its mail; run it in a transaction. */
    public Mono<Void> send(User user, EmailAddress to, String languageTag, Instant now) {
        return Mono.defer(() -> {
            LinkToken token = LinkToken.generate(random);
            IssuedLink link = IssuedLink.issue(token, LinkPurpose.EMAIL_CONFIRMATION, user.id(), to, now, lifetime);
            EmailConfirmationLink mail = new EmailConfirmationLink(
                    user.id(), to, user.username(), languageTag, links.to(PATH + token.value()), lifetime);
            return linkTokens
                    .spendAllFor(user.id(), LinkPurpose.EMAIL_CONFIRMATION, now)
                    .then(linkTokens.issue(link))
                    .then(outbox.enqueue(mail, now));
        });
    }
}
