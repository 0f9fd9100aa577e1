package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PasswordGiven;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What the pages that need re-authentication share: the attempt a request makes, and whether the window is open. */
public final class Reauthentications {

    /** The form field of every such page (the browser's password manager knows it by its autocomplete). */
    public static final String FIELD = "current-password";

    private Reauthentications() {}

    /** The request's proof: the typed current password (if any) and when this session last saw the password. */
    public static Mono<ReauthenticationAttempt> attempt(ServerWebExchange exchange, SignedInUser user, String typed) {
        return exchange.getSession()
                .map(session ->
                        ReauthenticationAttempt.of(user.id(), typed, PasswordGiven.in(session), Origins.of(exchange)));
    }

    /** Whether the page may leave the field out: asking with no password checks nothing and records nothing. */
    public static Mono<Boolean> windowOpen(
            ConfirmCurrentPassword confirm, ServerWebExchange exchange, SignedInUser user) {
        return attempt(exchange, user, null).flatMap(confirm::confirm).map(ReauthenticationOutcome::confirmed);
    }

    /** A password checked just now opens a new window from then. */
    public static Mono<Void> renewWindow(ServerWebExchange exchange, ReauthenticationOutcome outcome) {
        Optional<java.time.Instant> checkedAt = outcome instanceof ReauthenticationOutcome.Confirmed confirmed
                ? confirmed.passwordCheckedAt()
                : Optional.empty();
        return checkedAt.map(at -> PasswordGiven.at(exchange, at)).orElse(Mono.empty());
    }
}
