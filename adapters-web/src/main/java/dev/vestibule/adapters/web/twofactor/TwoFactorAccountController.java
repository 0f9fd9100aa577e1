package dev.vestibule.adapters.web.twofactor;

import dev.vestibule.adapters.web.account.CurrentPasswordField;
import dev.vestibule.adapters.web.account.Reauthentications;
import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome.Confirmed;
import dev.vestibule.domain.port.in.AuthenticatorAppEnrolment;
import dev.vestibule.domain.port.in.AuthenticatorAppOffer;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.DisableAuthenticatorApp;
import dev.vestibule.domain.port.in.EnableAuthenticatorApp;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.OfferAuthenticatorApp;
import dev.vestibule.domain.port.in.RegenerateRecoveryCodes;
import dev.vestibule.domain.port.in.TwoFactorChange;
import dev.vestibule.domain.port.in.TwoFactorChangeOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The account's second factors: the overview (app on or off, recovery codes left, passkeys), the authenticator
 * app's setup (QR code, the secret as text, its otpauth URI; then a current code), turning the app off and new
 * recovery codes. Every change asks for the current password unless the re-authentication window is open. The
 * offered secret waits in the session only sealed; the recovery codes are shown once, on the answer to the change.
 */
@Controller
class TwoFactorAccountController {

    /** The session attribute holding the sealed secret offered by the setup page, until a code enables it. */
    static final String OFFERED_SECRET = "vestibule.twofactor.offeredSecret";

    private final LoadSecondFactors loadSecondFactors;
    private final OfferAuthenticatorApp offerAuthenticatorApp;
    private final EnableAuthenticatorApp enableAuthenticatorApp;
    private final DisableAuthenticatorApp disableAuthenticatorApp;
    private final RegenerateRecoveryCodes regenerateRecoveryCodes;
    private final ConfirmCurrentPassword confirmCurrentPassword;

    TwoFactorAccountController(
            LoadSecondFactors loadSecondFactors,
            OfferAuthenticatorApp offerAuthenticatorApp,
            EnableAuthenticatorApp enableAuthenticatorApp,
            DisableAuthenticatorApp disableAuthenticatorApp,
            RegenerateRecoveryCodes regenerateRecoveryCodes,
            ConfirmCurrentPassword confirmCurrentPassword) {
        this.loadSecondFactors = loadSecondFactors;
        this.offerAuthenticatorApp = offerAuthenticatorApp;
        this.enableAuthenticatorApp = enableAuthenticatorApp;
        this.disableAuthenticatorApp = disableAuthenticatorApp;
        this.regenerateRecoveryCodes = regenerateRecoveryCodes;
        this.confirmCurrentPassword = confirmCurrentPassword;
    }

    @GetMapping("/account/two-factor")
    Mono<Rendering> overview(ServerWebExchange exchange) {
        return SignedInUser.current().flatMap(user -> overviewPage(exchange, user, null, "", HttpStatus.OK));
    }

    @PostMapping("/account/two-factor/disable")
    Mono<Rendering> disable(ServerWebExchange exchange) {
        return change(
                exchange,
                disableAuthenticatorApp::disable,
                (user, changed) -> FlashMessages.add(exchange, FlashCategory.SUCCESS, "twofactor.overview.disabled")
                        .thenReturn(Rendering.redirectTo("/account/two-factor").build()));
    }

    @PostMapping("/account/two-factor/recovery-codes")
    Mono<Rendering> regenerate(ServerWebExchange exchange) {
        return change(
                exchange,
                regenerateRecoveryCodes::regenerate,
                (user, changed) -> Mono.just(codesPage(exchange, changed.recoveryCodes(), false)));
    }

    @GetMapping("/account/two-factor/totp")
    Mono<Rendering> setupPage(ServerWebExchange exchange) {
        return SignedInUser.current()
                .flatMap(user -> exchange.getSession().flatMap(session -> {
                    Mono<AuthenticatorAppOffer> fresh = offerAuthenticatorApp
                            .offer(user.id())
                            .doOnNext(offer -> session.getAttributes().put(OFFERED_SECRET, offer.sealedSecret()));
                    // A reload shows the secret already offered (it may be scanned already); a broken one is replaced.
                    Mono<AuthenticatorAppOffer> offer = session.getAttribute(OFFERED_SECRET) instanceof String sealed
                            ? offerAuthenticatorApp.offered(user.id(), sealed).switchIfEmpty(fresh)
                            : fresh;
                    return offer.flatMap(shown -> setupPage(exchange, user, shown, List.of(), null, HttpStatus.OK));
                }));
    }

    @PostMapping("/account/two-factor/totp")
    Mono<Rendering> enable(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> exchange.getSession().flatMap(session -> {
                    if (!(session.getAttribute(OFFERED_SECRET) instanceof String sealed)) {
                        // No secret was offered in this session (it expired, or the form came from elsewhere): start
                        // over.
                        return Mono.just(
                                Rendering.redirectTo("/account/two-factor/totp").build());
                    }
                    return exchange.getFormData()
                            .flatMap(form -> Reauthentications.attempt(
                                            exchange, user, form.getFirst(Reauthentications.FIELD))
                                    .flatMap(attempt -> enableAuthenticatorApp.enable(new AuthenticatorAppEnrolment(
                                            attempt,
                                            sealed,
                                            Objects.requireNonNullElse(form.getFirst("code"), ""),
                                            texts.languageTag())))
                                    .flatMap(outcome -> enabled(exchange, user, session, sealed, outcome, texts)));
                }));
    }

    private Mono<Rendering> enabled(
            ServerWebExchange exchange,
            SignedInUser user,
            WebSession session,
            String sealed,
            TwoFactorChangeOutcome outcome,
            Texts texts) {
        if (outcome instanceof TwoFactorChangeOutcome.Changed changed) {
            session.getAttributes().remove(OFFERED_SECRET);
            return renewWindow(exchange, changed.passwordCheckedAt())
                    .thenReturn(codesPage(exchange, changed.recoveryCodes(), true));
        }
        if (outcome instanceof TwoFactorChangeOutcome.WrongCode wrong) {
            return renewWindow(exchange, wrong.passwordCheckedAt())
                    .then(offerAuthenticatorApp.offered(user.id(), sealed))
                    .flatMap(offer -> setupPage(
                            exchange,
                            user,
                            offer,
                            List.of(texts.get("twofactor.totp.wrong")),
                            null,
                            HttpStatus.UNPROCESSABLE_CONTENT));
        }
        if (outcome instanceof TwoFactorChangeOutcome.NotConfirmed refused) {
            return offerAuthenticatorApp
                    .offered(user.id(), sealed)
                    .flatMap(offer -> setupPage(
                            exchange,
                            user,
                            offer,
                            List.of(),
                            refused.refusal(),
                            refusalStatus(exchange, refused.refusal())));
        }
        return Mono.just(Rendering.redirectTo("/account/two-factor").build());
    }

    private interface Use {
        Mono<TwoFactorChangeOutcome> apply(TwoFactorChange change);
    }

    private interface Done {
        Mono<Rendering> render(SignedInUser user, TwoFactorChangeOutcome.Changed changed);
    }

    /** A change from the overview's forms: re-authenticated, made, or the overview again saying why not. */
    private Mono<Rendering> change(ServerWebExchange exchange, Use use, Done done) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> exchange.getFormData()
                        .flatMap(form ->
                                Reauthentications.attempt(exchange, user, form.getFirst(Reauthentications.FIELD)))
                        .flatMap(attempt -> use.apply(new TwoFactorChange(attempt, texts.languageTag())))
                        .flatMap(outcome -> {
                            if (outcome instanceof TwoFactorChangeOutcome.Changed changed) {
                                return renewWindow(exchange, changed.passwordCheckedAt())
                                        .then(done.render(user, changed));
                            }
                            if (outcome instanceof TwoFactorChangeOutcome.NotConfirmed refused) {
                                return overviewPage(
                                        exchange,
                                        user,
                                        refused.refusal(),
                                        "",
                                        refusalStatus(exchange, refused.refusal()));
                            }
                            return overviewPage(
                                    exchange,
                                    user,
                                    null,
                                    texts.get("twofactor.overview.not-enabled"),
                                    HttpStatus.UNPROCESSABLE_CONTENT);
                        }));
    }

    /** With {@code refusal} null, the password field is asked for when the window is closed. */
    private Mono<Rendering> overviewPage(
            ServerWebExchange exchange,
            SignedInUser user,
            ReauthenticationOutcome refusal,
            String formError,
            HttpStatus status) {
        Texts texts = Texts.of(exchange);
        return Mono.zip(loadSecondFactors.of(user.id()), currentPasswordField(exchange, user, refusal))
                .map(loaded -> {
                    var factors = loaded.getT1();
                    String error = formError.isEmpty() ? throttledText(refusal, texts) : formError;
                    var view = new TwoFactorViews.Overview(
                            factors.authenticatorApp(),
                            factors.recoveryCodesLeft(),
                            factors.passkeys(),
                            loaded.getT2(),
                            error);
                    return Rendering.view("twofactor/overview")
                            .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                            .modelAttribute("twoFactor", view)
                            .status(status)
                            .build();
                });
    }

    private Mono<Rendering> setupPage(
            ServerWebExchange exchange,
            SignedInUser user,
            AuthenticatorAppOffer offer,
            List<String> codeErrors,
            ReauthenticationOutcome refusal,
            HttpStatus status) {
        Texts texts = Texts.of(exchange);
        List<String> errors = codeErrors.isEmpty() && refusal instanceof ReauthenticationOutcome.Throttled
                ? List.of(throttledText(refusal, texts))
                : codeErrors;
        return Mono.zip(loadSecondFactors.of(user.id()), currentPasswordField(exchange, user, refusal))
                .map(loaded -> {
                    var view = new TwoFactorViews.Setup(
                            QrCodeSvg.of(offer.otpauthUri(), texts.get("twofactor.totp.qr-label")),
                            grouped(offer.secretBase32()),
                            offer.otpauthUri(),
                            loaded.getT1().authenticatorApp(),
                            errors,
                            loaded.getT2());
                    return Rendering.view("twofactor/totp")
                            .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                            .modelAttribute("setup", view)
                            .status(status)
                            .build();
                });
    }

    private static Rendering codesPage(ServerWebExchange exchange, List<String> codes, boolean justEnabled) {
        // Shown once: no cache keeps them.
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        exchange.getResponse().getHeaders().remove(HttpHeaders.EXPIRES);
        return Rendering.view("twofactor/codes")
                .modelAttribute("recovery", new TwoFactorViews.Codes(codes, justEnabled))
                .build();
    }

    private Mono<CurrentPasswordField> currentPasswordField(
            ServerWebExchange exchange, SignedInUser user, ReauthenticationOutcome refusal) {
        if (refusal != null) {
            return Mono.just(CurrentPasswordField.refused(refusal, Texts.of(exchange)));
        }
        return Reauthentications.windowOpen(confirmCurrentPassword, exchange, user)
                .map(CurrentPasswordField::forWindow);
    }

    private static HttpStatus refusalStatus(ServerWebExchange exchange, ReauthenticationOutcome refusal) {
        if (refusal instanceof ReauthenticationOutcome.Throttled throttled) {
            TooManyAttempts.markResponse(exchange, throttled.retryAfter());
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private static String throttledText(ReauthenticationOutcome refusal, Texts texts) {
        if (refusal instanceof ReauthenticationOutcome.Throttled throttled) {
            long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
            return texts.get("account.reauthentication.throttled", minutes);
        }
        return "";
    }

    private static Mono<Void> renewWindow(ServerWebExchange exchange, Optional<Instant> passwordCheckedAt) {
        return Reauthentications.renewWindow(exchange, new Confirmed(passwordCheckedAt));
    }

    /** The secret in groups of four, as apps' "enter a key" screens show it; they ignore the blanks. */
    static String grouped(String base32) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(base32, i, Math.min(base32.length(), i + 4));
        }
        return grouped.toString();
    }
}
