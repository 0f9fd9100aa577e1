package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.port.in.LogOutEverywhereElse;
import dev.vestibule.domain.port.in.RevokeSignIn;
import dev.vestibule.domain.port.in.SignIn;
import dev.vestibule.domain.port.in.ViewSignIns;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The sessions page: where the user is signed in (sessions and remembered browsers, this one marked),
 * with a form to end each, and "log out everywhere else". A handle is opaque: a hash, never a session id
 * or token, and one of another user changes nothing. Each row says how it signed in (issue 14): "password",
 * "password + authenticator app", "passkey", "remembered browser"...
 */
@Controller
class SignInsController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final ViewSignIns viewSignIns;
    private final RevokeSignIn revokeSignIn;
    private final LogOutEverywhereElse logOutEverywhereElse;
    private final BrowserNames browsers;

    SignInsController(
            ViewSignIns viewSignIns,
            RevokeSignIn revokeSignIn,
            LogOutEverywhereElse logOutEverywhereElse,
            BrowserNames browsers) {
        this.viewSignIns = viewSignIns;
        this.revokeSignIn = revokeSignIn;
        this.logOutEverywhereElse = logOutEverywhereElse;
        this.browsers = browsers;
    }

    @GetMapping("/account/sessions")
    Mono<Rendering> sessions(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return Mono.zip(SignedInUser.current(), ThisBrowsers.of(exchange))
                .flatMap(both -> viewSignIns.view(both.getT1().id(), both.getT2()))
                .map(signIns -> Rendering.view("account/sessions")
                        .modelAttribute(
                                "signIns",
                                signIns.stream()
                                        .map(signIn -> view(signIn, texts))
                                        .toList())
                        .modelAttribute("hasOthers", signIns.stream().anyMatch(signIn -> !signIn.thisBrowser()))
                        .build());
    }

    /**
     * Ends the sign-in with the posted handle. Ending this very session is a sign-out: the session is
     * invalidated here too, or the end of this request would store it again (the in-memory store saves the
     * whole session back).
     */
    @PostMapping("/account/sessions/revoke")
    Mono<Rendering> revoke(ServerWebExchange exchange) {
        return Mono.zip(SignedInUser.current(), exchange.getFormData(), ThisBrowsers.of(exchange))
                .flatMap(all -> {
                    Optional<Handle> handle = Handle.parse(all.getT2().getFirst("handle"));
                    if (handle.isEmpty()) {
                        return flash(exchange, false);
                    }
                    boolean thisSession = handle.get().equals(all.getT3().session());
                    return revokeSignIn
                            .revoke(all.getT1().id(), handle.get(), Origins.of(exchange))
                            .flatMap(ended -> ended && thisSession
                                    ? exchange.getSession()
                                            .flatMap(WebSession::invalidate)
                                            .thenReturn(
                                                    Rendering.redirectTo("/").build())
                                    : flash(exchange, ended));
                });
    }

    private static Mono<Rendering> flash(ServerWebExchange exchange, boolean ended) {
        return FlashMessages.add(
                        exchange,
                        ended ? FlashCategory.SUCCESS : FlashCategory.WARNING,
                        ended ? "account.sessions.revoked" : "account.sessions.not-found")
                .thenReturn(Rendering.redirectTo("/account/sessions").build());
    }

    @PostMapping("/account/sessions/revoke-others")
    Mono<Rendering> revokeOthers(ServerWebExchange exchange) {
        return Mono.zip(SignedInUser.current(), ThisBrowsers.of(exchange))
                .flatMap(both -> logOutEverywhereElse.logOutEverywhereElse(
                        both.getT1().id(), both.getT2(), Origins.of(exchange)))
                .flatMap(newStamp -> SessionUserContextRepository.restamp(exchange, newStamp))
                .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "account.sessions.revoked-others"))
                .thenReturn(Rendering.redirectTo("/account/sessions").build());
    }

    private SignInView view(SignIn signIn, Texts texts) {
        String address = signIn.origin().clientAddress();
        return new SignInView(
                texts.get(
                        signIn.kind() == SignIn.Kind.SESSION
                                ? "account.sessions.kind.session"
                                : "account.sessions.kind.remembered-browser"),
                texts.get(browsers.of(signIn.origin().userAgent())),
                UNKNOWN_ADDRESS.equals(address) ? texts.get("activity.from.unknown") : address,
                WHEN.format(signIn.signedInAt()),
                WHEN.format(signIn.lastSeen()),
                signIn.handle().value(),
                signIn.thisBrowser(),
                // issue 14: how it signed in
                signedInWith(signIn.factors(), texts));
    }

    /** The factors in the order given, each in the reader's words, joined by " + ": "password + authenticator app". */
    static String signedInWith(SignInFactors factors, Texts texts) {
        return factors.factors().stream()
                .map(factor -> texts.get(factorKey(factor)))
                .collect(Collectors.joining(" + "));
    }

    private static String factorKey(Factor factor) {
        return switch (factor) {
            case PASSWORD -> "account.sessions.factor.password";
            case AUTHENTICATOR_APP -> "account.sessions.factor.authenticator-app";
            case RECOVERY_CODE -> "account.sessions.factor.recovery-code";
            case PASSKEY -> "account.sessions.factor.passkey";
            case REMEMBERED_BROWSER -> "account.sessions.factor.remembered-browser";
        };
    }

    /** One row of the sessions page. */
    record SignInView(
            String kind,
            String browser,
            String address,
            String signedInAt,
            String lastSeen,
            String handle,
            boolean thisBrowser,
            String signedInWith) {}
}
