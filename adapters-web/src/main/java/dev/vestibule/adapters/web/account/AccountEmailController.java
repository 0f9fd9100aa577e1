package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.EmailChangeOutcome;
import dev.vestibule.domain.port.in.EmailChangeRequest;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.in.RequestEmailChange;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Changing the email address: the new address and the current password (unless the re-authentication window is
 * open). On success the page says where the link went; the address changes only when that link is confirmed.
 */
@Controller
class AccountEmailController {

    private final RequestEmailChange requestEmailChange;
    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final LoadCurrentUser loadCurrentUser;

    AccountEmailController(
            RequestEmailChange requestEmailChange,
            ConfirmCurrentPassword confirmCurrentPassword,
            LoadCurrentUser loadCurrentUser) {
        this.requestEmailChange = requestEmailChange;
        this.confirmCurrentPassword = confirmCurrentPassword;
        this.loadCurrentUser = loadCurrentUser;
    }

    @GetMapping("/account/email")
    Mono<Rendering> emailPage(ServerWebExchange exchange) {
        return SignedInUser.current()
                .flatMap(user -> page(exchange, user, EmailField.empty(), null, "", HttpStatus.OK));
    }

    @PostMapping("/account/email")
    Mono<Rendering> changeEmail(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> exchange.getFormData().flatMap(form -> {
                    String typed = Objects.requireNonNullElse(form.getFirst("email"), "");
                    return Reauthentications.attempt(exchange, user, form.getFirst(Reauthentications.FIELD))
                            .flatMap(attempt -> requestEmailChange.request(
                                    new EmailChangeRequest(attempt, typed, texts.languageTag())))
                            .flatMap(outcome -> answer(exchange, user, form, typed, outcome, texts));
                }));
    }

    private Mono<Rendering> answer(
            ServerWebExchange exchange,
            SignedInUser user,
            MultiValueMap<String, String> form,
            String typed,
            EmailChangeOutcome outcome,
            Texts texts) {
        if (outcome instanceof EmailChangeOutcome.Requested requested) {
            return requested
                    .passwordCheckedAt()
                    .map(at -> dev.vestibule.adapters.web.session.PasswordGiven.at(exchange, at))
                    .orElse(Mono.empty())
                    .then(FlashMessages.add(
                            exchange,
                            FlashCategory.SUCCESS,
                            "account.email.sent",
                            requested.newAddress().value()))
                    .thenReturn(Rendering.redirectTo("/account/email").build());
        }
        if (outcome instanceof EmailChangeOutcome.NotConfirmed refused) {
            ReauthenticationOutcome refusal = refused.refusal();
            EmailField email = new EmailField(typed, List.of());
            if (refusal instanceof ReauthenticationOutcome.Throttled throttled) {
                TooManyAttempts.markResponse(exchange, throttled.retryAfter());
                long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
                return page(
                        exchange,
                        user,
                        email,
                        CurrentPasswordField.refused(refusal, texts),
                        texts.get("account.reauthentication.throttled", minutes),
                        HttpStatus.TOO_MANY_REQUESTS);
            }
            return page(
                    exchange,
                    user,
                    email,
                    CurrentPasswordField.refused(refusal, texts),
                    "",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String problem;
        if (outcome instanceof EmailChangeOutcome.Invalid invalid) {
            problem = invalid.rejection() instanceof EmailRejection.Missing
                    ? "account.email.missing"
                    : "problem.email.malformed";
        } else if (outcome instanceof EmailChangeOutcome.Taken) {
            problem = "problem.email.taken";
        } else {
            problem = "account.email.unchanged";
        }
        return page(
                exchange,
                user,
                new EmailField(typed, List.of(texts.get(problem))),
                null,
                "",
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** With {@code currentPassword} null, the field is asked for when the window is closed. */
    private Mono<Rendering> page(
            ServerWebExchange exchange,
            SignedInUser user,
            EmailField email,
            CurrentPasswordField currentPassword,
            String formError,
            HttpStatus status) {
        Mono<CurrentPasswordField> field = currentPassword != null
                ? Mono.just(currentPassword)
                : Reauthentications.windowOpen(confirmCurrentPassword, exchange, user)
                        .map(CurrentPasswordField::forWindow);
        return Mono.zip(loadCurrentUser.load(user.id()), field).map(loaded -> {
            AccountEmailView view =
                    new AccountEmailView(loaded.getT1().email().value(), email, loaded.getT2(), formError);
            return Rendering.view("account/email")
                    .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                    .modelAttribute("form", view)
                    .status(status)
                    .build();
        });
    }
}
