package dev.vestibule.application.emailconfirmation;

import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.port.in.EmailConfirmationLinkState;
import dev.vestibule.domain.port.in.OpenEmailConfirmationLink;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Says what a confirmation link would confirm, without spending it or changing anything. */
public final class OpenEmailConfirmationLinkService implements OpenEmailConfirmationLink {

    private final LinkTokens linkTokens;
    private final UserRepository users;
    private final Clock clock;

    public OpenEmailConfirmationLinkService(LinkTokens linkTokens, UserRepository users, Clock clock) {
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<EmailConfirmationLinkState> open(String token) {
        return LinkToken.decode(token)
                .map(decoded -> Mono.defer(() -> linkTokens
                        .findValid(decoded.hash(), LinkPurpose.EMAIL_CONFIRMATION, clock.instant())
                        .flatMap(link -> users.findById(link.userId())
                                .filter(user ->
                                        link.redeemableBy(user, clock.instant()).isRedeemable())
                                .map(user -> (EmailConfirmationLinkState)
                                        new EmailConfirmationLinkState.Usable(link.sentTo())))))
                .orElse(Mono.empty())
                .defaultIfEmpty(new EmailConfirmationLinkState.NotUsable());
    }
}
