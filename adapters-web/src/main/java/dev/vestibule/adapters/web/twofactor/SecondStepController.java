package dev.vestibule.adapters.web.twofactor;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.security.SignInCompletion;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PendingSignIns;
import dev.vestibule.adapters.web.session.PendingSignIns.PendingSignIn;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.PassSecondStep;
import dev.vestibule.domain.port.in.SecondStepAttempt;
import dev.vestibule.domain.port.in.SecondStepOutcome;
import java.net.URI;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The second step of a sign-in: after the right password, a code from the authenticator app or a recovery code (one
 * text field for both: a recovery code has letters, so the field is not numeric). Only the pending state opens this
 * page; without one the visitor goes to the login page, and a pending state that waited too long says so there.
 */
@Controller
class SecondStepController {

    private static final String TEMPLATE = "twofactor/login";

    private final PendingSignIns pendingSignIns;
    private final PassSecondStep passSecondStep;
    private final LoadSecondFactors loadSecondFactors;
    private final SignInCompletion signInCompletion;

    SecondStepController(
            PendingSignIns pendingSignIns,
            PassSecondStep passSecondStep,
            LoadSecondFactors loadSecondFactors,
            SignInCompletion signInCompletion) {
        this.pendingSignIns = pendingSignIns;
        this.passSecondStep = passSecondStep;
        this.loadSecondFactors = loadSecondFactors;
        this.signInCompletion = signInCompletion;
    }

    @GetMapping("/login/two-factor")
    Mono<Rendering> secondStepPage(ServerWebExchange exchange) {
        return withPending(exchange, pending -> page(pending, "", HttpStatus.OK));
    }

    @PostMapping("/login/two-factor")
    Mono<Rendering> secondStep(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return withPending(
                exchange,
                pending -> exchange.getFormData()
                        .flatMap(form -> passSecondStep
                                .pass(new SecondStepAttempt(
                                        pending.login(),
                                        Objects.requireNonNullElse(form.getFirst("code"), ""),
                                        Origins.of(exchange),
                                        texts.languageTag()))
                                .flatMap(outcome -> answer(exchange, pending, outcome, texts))));
    }

    private Mono<Rendering> answer(
            ServerWebExchange exchange, PendingSignIn pending, SecondStepOutcome outcome, Texts texts) {
        if (outcome instanceof SecondStepOutcome.Passed passed) {
            return signInCompletion
                    .complete(exchange, passed.user(), passed.factors(), pending.rememberMe(), pending.next())
                    .then(Mono.fromSupplier(() -> redirectAsCompletionSaid(exchange)));
        }
        if (outcome instanceof SecondStepOutcome.Throttled throttled) {
            TooManyAttempts.markResponse(exchange, throttled.retryAfter());
            long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
            return page(pending, texts.get("twofactor.login.throttled", minutes), HttpStatus.TOO_MANY_REQUESTS);
        }
        if (outcome instanceof SecondStepOutcome.WrongCode) {
            return page(pending, texts.get("twofactor.login.wrong"), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return lapsed(exchange);
    }

    private interface WithPending {
        Mono<Rendering> render(PendingSignIn pending);
    }

    /** The page for the browser's pending sign-in; the login page when there is none, saying so when it timed out. */
    private Mono<Rendering> withPending(ServerWebExchange exchange, WithPending then) {
        return pendingSignIns
                .lapsed(exchange)
                .flatMap(timedOut -> timedOut
                        ? lapsed(exchange)
                        : pendingSignIns
                                .current(exchange)
                                .flatMap(then::render)
                                .switchIfEmpty(Mono.fromSupplier(() -> Rendering.redirectTo("/login")
                                        .status(HttpStatus.FOUND)
                                        .build())));
    }

    private static Mono<Rendering> lapsed(ServerWebExchange exchange) {
        return PendingSignIns.forget(exchange)
                .then(FlashMessages.add(exchange, FlashCategory.WARNING, "flash.two-factor-lapsed"))
                .thenReturn(
                        Rendering.redirectTo("/login").status(HttpStatus.FOUND).build());
    }

    private Mono<Rendering> page(PendingSignIn pending, String error, HttpStatus status) {
        return loadSecondFactors
                .of(pending.login().userId())
                .map(factors -> Rendering.view(TEMPLATE)
                        .modelAttribute(PageModel.FAILED_SUBMIT, !error.isEmpty())
                        .modelAttribute("step", new SecondStepView(error, factors.passkeys() > 0))
                        .status(status)
                        .build());
    }

    /** The sign-in completion chose where to go (the safe next path, or home); the redirect follows it. */
    private static Rendering redirectAsCompletionSaid(ServerWebExchange exchange) {
        URI location = exchange.getResponse().getHeaders().getLocation();
        return Rendering.redirectTo(location == null ? "/" : location.toString())
                .status(HttpStatus.FOUND)
                .build();
    }
}
