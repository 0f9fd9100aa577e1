package dev.vestibule.application.passwordreset;

import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.port.in.OpenPasswordResetLink;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Says whether a reset link still works; reads only, so following the link (a mail scanner does) spends nothing. */
public final class OpenPasswordResetLinkService implements OpenPasswordResetLink {

    private final LinkTokens linkTokens;
    private final UserRepository users;
    private final Clock clock;

    public OpenPasswordResetLinkService(LinkTokens linkTokens, UserRepository users, Clock clock) {
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Boolean> open(String token) {
        return LinkToken.decode(token)
                .map(decoded -> Mono.defer(() -> {
                    Instant now = clock.instant();
                    return linkTokens
                            .findValid(decoded.hash(), LinkPurpose.PASSWORD_RESET, now)
                            .flatMap(link -> users.findById(link.userId())
                                    .map(user -> link.redeemableBy(user, now).isRedeemable()));
                }))
                .orElseGet(Mono::empty)
                .defaultIfEmpty(false);
    }
}
