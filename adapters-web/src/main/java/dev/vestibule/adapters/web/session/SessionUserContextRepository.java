package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Flask-Login's model on Spring Security: the session keeps only the user's id, and the user is loaded
 * from the database once per request that asks. A user who was deleted or deactivated is therefore
 * signed out at their next request, and the session holds no serialized security objects that a new
 * release would have to read. A signed-in session also has an absolute lifetime from the login (ASVS
 * V7.3.2), however active it is; reaching it signs the user out and is recorded.
 */
public final class SessionUserContextRepository implements ServerSecurityContextRepository {

    static final String USER_ID_ATTRIBUTE = "vestibule.userId";
    static final String SIGNED_IN_AT_ATTRIBUTE = "vestibule.signedInAt";
    /** When this session last saw the user's password (an Instant as text): the re-authentication window's start. */
    public static final String PASSWORD_GIVEN_AT_ATTRIBUTE = "vestibule.passwordGivenAt";

    private static final String LOADED_CONTEXT = SessionUserContextRepository.class.getName() + ".loaded";
    private static final List<SimpleGrantedAuthority> USER_AUTHORITIES =
            List.of(new SimpleGrantedAuthority("ROLE_USER"));

    private final LoadCurrentUser loadCurrentUser;
    private final ServerCsrfTokenRepository csrfTokens;
    private final Duration absoluteTimeout;
    private final Clock clock;
    private final RecordSecurityEvent recordSecurityEvent;

    /**
     * @param csrfTokens      the store the CSRF filter uses, so that signing in can drop the token issued before
     * @param absoluteTimeout how long after the login a session stays signed in, however active
     */
    public SessionUserContextRepository(
            LoadCurrentUser loadCurrentUser,
            ServerCsrfTokenRepository csrfTokens,
            Duration absoluteTimeout,
            Clock clock,
            RecordSecurityEvent recordSecurityEvent) {
        this.loadCurrentUser = Objects.requireNonNull(loadCurrentUser, "loadCurrentUser");
        this.csrfTokens = Objects.requireNonNull(csrfTokens, "csrfTokens");
        this.absoluteTimeout = Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recordSecurityEvent = Objects.requireNonNull(recordSecurityEvent, "recordSecurityEvent");
    }

    /** The security context of a freshly signed-in user. */
    public static SecurityContext contextFor(User user) {
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(SignedInUser.of(user), null, USER_AUTHORITIES);
        return new SecurityContextImpl(authentication);
    }

    /**
     * Signing in stores the id and gives the session a new id (session fixation defence, ASVS V7.2.4) and
     * drops its CSRF token, so that a token handed out before the login (to whoever planted or read the
     * session) is worthless after it; the next page gets a fresh one. Saving an empty context forgets the user.
     * A session begun by this very request (the usual case: visitors have none before they sign in) keeps its
     * id: nobody outside has seen it, and Spring Session would otherwise store it twice in one login.
     */
    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return exchange.getSession().flatMap(session -> {
            if (context == null
                    || !(context.getAuthentication() != null
                            && context.getAuthentication().getPrincipal() instanceof SignedInUser user)) {
                session.getAttributes().remove(USER_ID_ATTRIBUTE);
                session.getAttributes().remove(SIGNED_IN_AT_ATTRIBUTE);
                session.getAttributes().remove(PASSWORD_GIVEN_AT_ATTRIBUTE);
                exchange.getAttributes().put(LOADED_CONTEXT, Mono.<SecurityContext>empty());
                return Mono.empty();
            }
            boolean seenBefore = session.isStarted();
            // A new login (a remembered browser's included) starts without a window; a password login opens it.
            session.getAttributes().remove(PASSWORD_GIVEN_AT_ATTRIBUTE);
            session.getAttributes().put(USER_ID_ATTRIBUTE, user.id().toString());
            session.getAttributes().put(SIGNED_IN_AT_ATTRIBUTE, clock.instant().toString());
            exchange.getAttributes().put(LOADED_CONTEXT, Mono.just(context));
            return csrfTokens.saveToken(exchange, null).then(seenBefore ? session.changeSessionId() : Mono.empty());
        });
    }

    /** Loads at most once per request, however many filters and pages ask. */
    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        Mono<SecurityContext> loaded = exchange.getAttribute(LOADED_CONTEXT);
        if (loaded == null) {
            loaded = exchange.getSession()
                    .flatMap(session -> loadFrom(session, exchange))
                    .cache();
            exchange.getAttributes().put(LOADED_CONTEXT, loaded);
        }
        return loaded;
    }

    private Mono<SecurityContext> loadFrom(WebSession session, ServerWebExchange exchange) {
        if (!(session.getAttribute(USER_ID_ATTRIBUTE) instanceof String storedId)) {
            return Mono.empty();
        }
        UserId id;
        try {
            id = UserId.parse(storedId);
        } catch (IllegalArgumentException corrupted) {
            session.getAttributes().remove(USER_ID_ATTRIBUTE);
            return Mono.empty();
        }
        if (hasOutlivedItsLogin(session)) {
            session.getAttributes().remove(USER_ID_ATTRIBUTE);
            session.getAttributes().remove(SIGNED_IN_AT_ATTRIBUTE);
            return recordSecurityEvent
                    .record(SecurityEventType.SESSION_EXPIRED, Optional.of(id), Origins.of(exchange))
                    .then(Mono.empty());
        }
        return loadCurrentUser
                .load(id)
                .map(SessionUserContextRepository::contextFor)
                .switchIfEmpty(Mono.fromRunnable(() -> session.getAttributes().remove(USER_ID_ATTRIBUTE)));
    }

    /** A session signed in before the lifetime was recorded counts from now, rather than ending at once. */
    private boolean hasOutlivedItsLogin(WebSession session) {
        Instant now = clock.instant();
        Instant signedInAt = null;
        if (session.getAttribute(SIGNED_IN_AT_ATTRIBUTE) instanceof String stored) {
            try {
                signedInAt = Instant.parse(stored);
            } catch (DateTimeParseException corrupted) {
                signedInAt = null;
            }
        }
        if (signedInAt == null) {
            session.getAttributes().put(SIGNED_IN_AT_ATTRIBUTE, now.toString());
            return false;
        }
        return !now.isBefore(signedInAt.plus(absoluteTimeout));
    }
}
