package dev.vestibule.adapters.web.passkey;

import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.security.SignInCompletion;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PendingSignIns;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.port.in.BeginPasskeySignIn;
import dev.vestibule.domain.port.in.FinishPasskeySignIn;
import dev.vestibule.domain.port.in.PasskeyRefusal;
import dev.vestibule.domain.port.in.PasskeySignInAttempt;
import dev.vestibule.domain.port.in.PasskeySignInOutcome;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Signing in with a passkey, driven by the script: without a password from the login page (the button, or the
 * browser's autofill offering a passkey on the username field), or as the second step of a password sign-in. Each
 * is two JSON calls: the request options, then the authenticator's answer, which signs in through the same
 * {@link SignInCompletion} as every other way and answers where to go next.
 *
 * <p>Spring Security's reactive stack has no WebAuthn support (its passkeys are servlet-only), so these endpoints
 * and the ceremony around webauthn4j are written here; their JSON follows what Spring's servlet passkeys send.
 */
@Controller
class PasskeySignInController {

    private final BeginPasskeySignIn begin;
    private final FinishPasskeySignIn finish;
    private final PendingSignIns pendingSignIns;
    private final SignInCompletion completion;
    private final Clock clock;

    PasskeySignInController(
            BeginPasskeySignIn begin,
            FinishPasskeySignIn finish,
            PendingSignIns pendingSignIns,
            SignInCompletion completion,
            Clock clock) {
        this.begin = begin;
        this.finish = finish;
        this.pendingSignIns = pendingSignIns;
        this.completion = completion;
        this.clock = clock;
    }

    @PostMapping("/login/passkey/options")
    @ResponseBody
    Mono<ResponseEntity<String>> signInOptions() {
        return begin.begin(Optional.empty()).map(options -> PasskeyJson.ok(PasskeyJson.requestOptions(options)));
    }

    /** Body {@code {"credential": ..., "next": "/path", "rememberMe": true}}. */
    @PostMapping("/login/passkey")
    @ResponseBody
    Mono<ResponseEntity<String>> signIn(ServerWebExchange exchange, @RequestBody(required = false) String body) {
        Texts texts = Texts.of(exchange);
        var read = PasskeyJson.read(body);
        if (read.isEmpty() || read.get().credential().isEmpty()) {
            return Mono.just(PasskeyAccountController.malformed(texts));
        }
        var fields = read.get();
        return finish.finish(
                        new PasskeySignInAttempt(fields.credential().get(), Optional.empty(), Origins.of(exchange)))
                .flatMap(outcome -> answer(
                        exchange,
                        texts,
                        outcome,
                        signedIn -> completion.complete(
                                exchange,
                                signedIn.user(),
                                SignInFactors.of(Factor.PASSKEY, clock.instant()),
                                fields.flag("rememberMe"),
                                fields.text("next"))));
    }

    /** The page of the second step by passkey alone (the two-factor page offers the same button). */
    @GetMapping("/login/two-factor/passkey")
    Mono<Rendering> secondStepPage(ServerWebExchange exchange) {
        return pendingSignIns
                .current(exchange)
                .map(pending -> Rendering.view("passkey/second-step")
                        .modelAttribute(PageModel.FAILED_SUBMIT, false)
                        .build())
                .defaultIfEmpty(Rendering.redirectTo("/login").build());
    }

    @PostMapping("/login/two-factor/passkey-options")
    @ResponseBody
    Mono<ResponseEntity<String>> secondStepOptions(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return pendingSignIns
                .current(exchange)
                .flatMap(pending -> begin.begin(Optional.of(pending.login())))
                .map(options -> PasskeyJson.ok(PasskeyJson.requestOptions(options)))
                .defaultIfEmpty(noPendingSignIn(texts));
    }

    /** Body {@code {"credential": ...}}: finishes the waiting sign-in with the pending user's passkey. */
    @PostMapping("/login/two-factor/passkey")
    @ResponseBody
    Mono<ResponseEntity<String>> secondStep(ServerWebExchange exchange, @RequestBody(required = false) String body) {
        Texts texts = Texts.of(exchange);
        var read = PasskeyJson.read(body);
        if (read.isEmpty() || read.get().credential().isEmpty()) {
            return Mono.just(PasskeyAccountController.malformed(texts));
        }
        return pendingSignIns
                .current(exchange)
                .flatMap(pending -> {
                    PendingLogin login = pending.login();
                    return finish.finish(new PasskeySignInAttempt(
                                    read.get().credential().get(), Optional.of(login), Origins.of(exchange)))
                            .flatMap(outcome -> answer(
                                    exchange,
                                    texts,
                                    outcome,
                                    signedIn -> completion.complete(
                                            exchange,
                                            signedIn.user(),
                                            login.completedWith(Factor.PASSKEY, clock.instant()),
                                            pending.rememberMe(),
                                            pending.next())));
                })
                .defaultIfEmpty(noPendingSignIn(texts));
    }

    private static Mono<ResponseEntity<String>> answer(
            ServerWebExchange exchange,
            Texts texts,
            PasskeySignInOutcome outcome,
            java.util.function.Function<PasskeySignInOutcome.SignedIn, Mono<Void>> signIn) {
        if (outcome instanceof PasskeySignInOutcome.SignedIn signedIn) {
            // The completion answers a redirect, as for a form; the script gets its target as JSON instead.
            return signIn.apply(signedIn).then(Mono.fromSupplier(() -> {
                URI location = exchange.getResponse().getHeaders().getLocation();
                exchange.getResponse().getHeaders().remove(org.springframework.http.HttpHeaders.LOCATION);
                return PasskeyJson.redirect(location == null ? "/" : location.toString());
            }));
        }
        if (outcome instanceof PasskeySignInOutcome.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            return Mono.just(
                    PasskeyJson.throttled(throttled.retryAfter(), texts.get("passkey.error.throttled", minutes)));
        }
        PasskeyRefusal reason = ((PasskeySignInOutcome.Refused) outcome).reason();
        if (reason == PasskeyRefusal.MALFORMED) {
            return Mono.just(PasskeyAccountController.malformed(texts));
        }
        // One message for every refusal: which check failed is for the security log, not for whoever holds the device.
        return Mono.just(
                PasskeyJson.error(HttpStatus.UNAUTHORIZED, "refused", texts.get("passkey.error.sign-in-refused")));
    }

    private static ResponseEntity<String> noPendingSignIn(Texts texts) {
        return PasskeyJson.error(HttpStatus.UNAUTHORIZED, "no-pending-sign-in", texts.get("passkey.error.no-pending"));
    }
}
