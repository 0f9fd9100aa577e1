package dev.vestibule.adapters.web.registration;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.AlreadySignedIn;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PasswordGiven;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sign-up: the form, its errors next to their fields and in a summary above them, and on success a
 * signed-in user. The password hint names the policy's minimum when bootstrap provides the policy.
 */
@Controller
class RegistrationController {

    private final RegisterUser registerUser;
    private final SessionUserContextRepository contexts;
    private final int passwordMinimum;
    private final Clock clock;

    RegistrationController(
            RegisterUser registerUser,
            SessionUserContextRepository contexts,
            ObjectProvider<PasswordPolicy> passwordPolicy,
            Clock clock) {
        this.registerUser = registerUser;
        this.contexts = contexts;
        this.clock = clock;
        PasswordPolicy policy = passwordPolicy.getIfAvailable();
        this.passwordMinimum = policy == null ? PasswordPolicy.DEFAULT_MINIMUM_LENGTH : policy.minimumLength();
    }

    @GetMapping("/register")
    Mono<Rendering> registrationForm(
            @RequestParam(name = "next", required = false) String next, ServerWebExchange exchange) {
        return AlreadySignedIn.orElse(
                exchange,
                Mono.fromSupplier(() ->
                        page(RegistrationView.blank(NextPath.parse(next).orElse(""), passwordMinimum), HttpStatus.OK)));
    }

    @PostMapping("/register")
    Mono<Rendering> register(@ModelAttribute RegistrationForm form, ServerWebExchange exchange) {
        String next = NextPath.parse(form.next()).orElse("");
        return AlreadySignedIn.orElse(
                exchange,
                registerUser
                        .register(form.toCommand(Texts.of(exchange).languageTag()), Origins.of(exchange))
                        .flatMap(outcome -> {
                            if (outcome instanceof RegistrationOutcome.Registered registered) {
                                Instant now = clock.instant();
                                return contexts.save(
                                                exchange,
                                                SessionUserContextRepository.contextFor(
                                                        registered.user(), SignInFactors.of(Factor.PASSWORD, now)))
                                        .then(PasswordGiven.at(exchange, now))
                                        .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "flash.registered"))
                                        .thenReturn(Rendering.redirectTo(next.isEmpty() ? "/" : next)
                                                .build());
                            }
                            if (outcome instanceof RegistrationOutcome.Throttled throttled) {
                                TooManyAttempts.markResponse(exchange, throttled.retryAfter());
                                long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
                                String message = Texts.of(exchange).get("registration.throttled", minutes);
                                return Mono.just(page(
                                        RegistrationView.throttled(form, next, message, passwordMinimum),
                                        HttpStatus.TOO_MANY_REQUESTS));
                            }
                            RegistrationOutcome.Rejected rejected = (RegistrationOutcome.Rejected) outcome;
                            return Mono.just(page(
                                    RegistrationView.from(form, rejected, next, passwordMinimum, Texts.of(exchange)),
                                    HttpStatus.UNPROCESSABLE_CONTENT));
                        }));
    }

    private static Rendering page(RegistrationView view, HttpStatus status) {
        return Rendering.view("registration/register")
                .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                .modelAttribute("form", view)
                .status(status)
                .build();
    }
}
