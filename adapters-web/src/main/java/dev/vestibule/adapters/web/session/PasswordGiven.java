package dev.vestibule.adapters.web.session;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * When this session last saw the user's password: set by a password login, a sign-up and every successful
 * current-password check, read by the pages that ask for re-authentication. A remembered browser's login sets
 * nothing, since no password was given.
 */
public final class PasswordGiven {

    private PasswordGiven() {}

    /** Opens (or renews) the re-authentication window from {@code at}. */
    public static Mono<Void> at(ServerWebExchange exchange, Instant at) {
        return exchange.getSession().doOnNext(session -> at(session, at)).then();
    }

    public static void at(WebSession session, Instant at) {
        session.getAttributes().put(SessionUserContextRepository.PASSWORD_GIVEN_AT_ATTRIBUTE, at.toString());
    }

    /** The moment, if this session has one that reads as an instant. */
    public static Optional<Instant> in(WebSession session) {
        if (session.getAttribute(SessionUserContextRepository.PASSWORD_GIVEN_AT_ATTRIBUTE) instanceof String stored) {
            try {
                return Optional.of(Instant.parse(stored));
            } catch (DateTimeParseException corrupted) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
