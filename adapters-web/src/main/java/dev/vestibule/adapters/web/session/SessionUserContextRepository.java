package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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
 *
 * <p>Containment: the session also keeps the user's security stamp at sign-in. When the user's stamp has
 * changed since (password changed or reset, account disabled, "log out everywhere else", or an operator's
 * change in SQL on PostgreSQL), the once-per-request load refuses the session: the user is signed out at
 * the next request on whichever instance it reaches, and that is recorded. Sign-in also notes what the
 * sessions page shows: the browser's User-Agent, the address, when.
 */
public final class SessionUserContextRepository implements ServerSecurityContextRepository {

    static final String USER_ID_ATTRIBUTE = SessionAttributes.USER_ID;
    static final String SIGNED_IN_AT_ATTRIBUTE = SessionAttributes.SIGNED_IN_AT;
    static final String SECURITY_STAMP_ATTRIBUTE = SessionAttributes.SECURITY_STAMP;
    /**
     * When the user last gave their password in this session (an ISO-8601 instant): at the login, and at
     * every successful check of the current password since. Pages that need a recent password (changing the
     * email, deleting the account) accept one given within their "sudo" window instead of asking again.
     */
    public static final String PASSWORD_GIVEN_AT_ATTRIBUTE = "vestibule.passwordGivenAt";

    private static final String LOADED_CONTEXT = SessionUserContextRepository.class.getName() + ".loaded";

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

    /**
     * The security context of a signed-in user, carrying the factors the sign-in rests on as Spring Security's factor
     * authorities ({@link SignInFactorAuthorities}).
     */
    public static SecurityContext contextFor(User user, SignInFactors factors) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                SignedInUser.of(user), null, SignInFactorAuthorities.of(factors));
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
                forgetSignIn(session);
                exchange.getAttributes().put(LOADED_CONTEXT, Mono.<SecurityContext>empty());
                return Mono.empty();
            }
            boolean seenBefore = session.isStarted();
            Origin origin = Origins.of(exchange);
            Instant now = clock.instant();
            forgetSignIn(session);
            // A finished sign-in ends any that waited for its second step.
            PendingSignIns.forget(session);
            session.getAttributes().put(USER_ID_ATTRIBUTE, user.id().toString());
            session.getAttributes().put(SIGNED_IN_AT_ATTRIBUTE, now.toString());
            session.getAttributes()
                    .put(
                            SessionAttributes.SIGN_IN_FACTORS,
                            SignInFactorAuthorities.of(context.getAuthentication())
                                    .orElse(SignInFactors.of(Factor.PASSWORD, now))
                                    .serialized());
            session.getAttributes()
                    .put(SECURITY_STAMP_ATTRIBUTE, user.securityStamp().value());
            session.getAttributes().put(SessionAttributes.USER_AGENT, origin.userAgent());
            session.getAttributes().put(SessionAttributes.CLIENT_ADDRESS, origin.clientAddress());
            exchange.getAttributes().put(LOADED_CONTEXT, Mono.just(context));
            return csrfTokens.saveToken(exchange, null).then(seenBefore ? session.changeSessionId() : Mono.empty());
        });
    }

    /**
     * After the user's stamp was renewed by this very request (password changed, "log out everywhere
     * else"): this session carries the new stamp, so that it stays signed in while every other one ends,
     * and gets a new id, as at a sign-in.
     */
    public static Mono<Void> restamp(ServerWebExchange exchange, SecurityStamp newStamp) {
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().put(SECURITY_STAMP_ATTRIBUTE, newStamp.value());
            return session.changeSessionId();
        });
    }

    /** Notes that the user just gave their password in this session (see {@link #PASSWORD_GIVEN_AT_ATTRIBUTE}). */
    public Mono<Void> passwordGiven(ServerWebExchange exchange) {
        return PasswordGiven.at(exchange, clock.instant());
    }

    /** Notes which remembered browser (remember-me series) this session was opened with or was issued. */
    public static Mono<Void> rememberedBrowser(ServerWebExchange exchange, RememberMeToken token) {
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes()
                        .put(
                                SessionAttributes.REMEMBERED_BROWSER,
                                Handle.of(token.series()).value()))
                .then();
    }

    /** The handle of this request's session, as the sessions page names it. */
    public static Mono<Handle> currentHandle(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> Handle.of(session.getId()));
    }

    /** The handle of the remembered browser this session was opened with, if any. */
    public static Mono<Handle> currentRememberedBrowser(ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(
                        session -> session.getAttribute(SessionAttributes.REMEMBERED_BROWSER) instanceof String stored
                                ? Handle.parse(stored).orElse(null)
                                : null);
    }

    private static void forgetSignIn(WebSession session) {
        session.getAttributes().remove(USER_ID_ATTRIBUTE);
        session.getAttributes().remove(SIGNED_IN_AT_ATTRIBUTE);
        session.getAttributes().remove(SECURITY_STAMP_ATTRIBUTE);
        session.getAttributes().remove(PASSWORD_GIVEN_AT_ATTRIBUTE);
        session.getAttributes().remove(SessionAttributes.USER_AGENT);
        session.getAttributes().remove(SessionAttributes.CLIENT_ADDRESS);
        session.getAttributes().remove(SessionAttributes.REMEMBERED_BROWSER);
        session.getAttributes().remove(SessionAttributes.SIGN_IN_FACTORS);
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
            forgetSignIn(session);
            return recordSecurityEvent
                    .record(SecurityEventType.SESSION_EXPIRED, Optional.of(id), Origins.of(exchange))
                    .then(Mono.empty());
        }
        return loadCurrentUser
                .load(id)
                .flatMap(user -> {
                    if (user.securityStamp().matches(session.getAttribute(SECURITY_STAMP_ATTRIBUTE))) {
                        return Mono.just(contextFor(user, factorsOf(session)));
                    }
                    forgetSignIn(session);
                    return recordSecurityEvent
                            .record(SecurityEventType.SESSION_REVOKED, Optional.of(id), Origins.of(exchange))
                            .then(Mono.<SecurityContext>empty());
                })
                .switchIfEmpty(Mono.fromRunnable(() -> forgetSignIn(session)));
    }

    /**
     * The factors this session signed in with. A session signed in before they were recorded counts as a password
     * sign-in at its sign-in time: the one way to sign in there was then.
     */
    private static SignInFactors factorsOf(WebSession session) {
        Optional<SignInFactors> stored = session.getAttribute(SessionAttributes.SIGN_IN_FACTORS) instanceof String value
                ? SignInFactors.parse(value)
                : Optional.empty();
        return stored.orElseGet(() -> {
            Instant signedInAt = Instant.parse(session.getAttribute(SIGNED_IN_AT_ATTRIBUTE));
            return SignInFactors.of(Factor.PASSWORD, signedInAt);
        });
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
