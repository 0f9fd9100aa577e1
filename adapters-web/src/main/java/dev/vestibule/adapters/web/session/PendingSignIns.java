package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Where a sign-in waits for its second step: in the web session (Redis with several instances, so the second step can
 * finish on another instance than the password), under names of its own. The session is not signed in meanwhile: it
 * holds no user id, so every page but the second step sends the visitor to the login page. The state lapses after
 * {@link PendingLogin#LIFETIME}, and a new password login, a finished sign-in or a logout forgets it.
 */
public final class PendingSignIns {

    static final String USER_ID = "vestibule.pending.userId";
    static final String SECURITY_STAMP = "vestibule.pending.securityStamp";
    static final String FACTORS = "vestibule.pending.factors";
    static final String STARTED_AT = "vestibule.pending.startedAt";
    static final String REMEMBER_ME = "vestibule.pending.rememberMe";
    static final String NEXT = "vestibule.pending.next";
    private static final List<String> NAMES = List.of(USER_ID, SECURITY_STAMP, FACTORS, STARTED_AT, REMEMBER_ME, NEXT);

    /**
     * A sign-in waiting for its second step.
     *
     * @param rememberMe whether the login form's box was ticked: the browser is remembered once the second step passes
     * @param next       the safe path to go on to afterwards ("" for home)
     */
    public record PendingSignIn(PendingLogin login, boolean rememberMe, String next) {
        public PendingSignIn {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(next, "next");
        }
    }

    private final Clock clock;

    public PendingSignIns(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the second step for {@code user}, who has just given {@code factorsSoFar}. The session gets a new id (as at
     * a sign-in: whoever planted or read the old one must not inherit the half-done login).
     */
    public Mono<Void> start(
            ServerWebExchange exchange, User user, SignInFactors factorsSoFar, boolean rememberMe, String next) {
        return exchange.getSession().flatMap(session -> {
            boolean seenBefore = session.isStarted();
            forget(session);
            session.getAttributes().put(USER_ID, user.id().toString());
            session.getAttributes().put(SECURITY_STAMP, user.securityStamp().value());
            session.getAttributes().put(FACTORS, factorsSoFar.serialized());
            session.getAttributes().put(STARTED_AT, clock.instant().toString());
            session.getAttributes().put(REMEMBER_ME, Boolean.toString(rememberMe));
            session.getAttributes().put(NEXT, next == null ? "" : next);
            return seenBefore ? session.changeSessionId() : Mono.empty();
        });
    }

    /** The sign-in this browser has waiting, if it is still open; a lapsed or unreadable one is forgotten. */
    public Mono<PendingSignIn> current(ServerWebExchange exchange) {
        return exchange.getSession().mapNotNull(session -> {
            PendingSignIn pending = read(session);
            if (pending == null || !pending.login().isOpenAt(clock.instant())) {
                forget(session);
                return null;
            }
            return pending;
        });
    }

    // issue 14: twofactor
    /**
     * Whether this browser holds a sign-in that waited too long for its second step (it is forgotten then): the page
     * says the step timed out, rather than only sending the visitor to the login page.
     */
    public Mono<Boolean> lapsed(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> {
            PendingSignIn pending = read(session);
            if (pending != null && !pending.login().isOpenAt(clock.instant())) {
                forget(session);
                return true;
            }
            return false;
        });
    }

    /** Forgets the waiting sign-in (finished, abandoned, or replaced by a new login). */
    public static Mono<Void> forget(ServerWebExchange exchange) {
        return exchange.getSession().doOnNext(PendingSignIns::forget).then();
    }

    static void forget(WebSession session) {
        NAMES.forEach(session.getAttributes()::remove);
    }

    private static PendingSignIn read(WebSession session) {
        if (!(session.getAttribute(USER_ID) instanceof String id)
                || !(session.getAttribute(SECURITY_STAMP) instanceof String stamp)
                || !(session.getAttribute(FACTORS) instanceof String factors)
                || !(session.getAttribute(STARTED_AT) instanceof String startedAt)) {
            return null;
        }
        try {
            var soFar = SignInFactors.parse(factors);
            if (soFar.isEmpty()) {
                return null;
            }
            var login =
                    new PendingLogin(UserId.parse(id), new SecurityStamp(stamp), soFar.get(), Instant.parse(startedAt));
            String next = session.getAttribute(NEXT) instanceof String stored ? stored : "";
            return new PendingSignIn(login, "true".equals(session.getAttribute(REMEMBER_ME)), next);
        } catch (IllegalArgumentException | DateTimeParseException corrupted) {
            return null;
        }
    }
}
