package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.port.in.AccountDeletionOutcome;
import dev.vestibule.domain.port.in.AccountDeletionRequest;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.DeleteAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Deleting the account: a page that says what goes and what stays and asks for the current password (unless the
 * re-authentication window is open); on success this browser is signed out like a logout (session emptied and
 * moved to a new id, remember-me cookie cleared) with a word that the account is gone. Every other session of the
 * user ends by itself: the user no longer loads.
 */
@Controller
class AccountDeletionController {

    private final DeleteAccount deleteAccount;
    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final SessionUserContextRepository contexts;
    private final RememberMeCookie rememberMeCookie;

    AccountDeletionController(
            DeleteAccount deleteAccount,
            ConfirmCurrentPassword confirmCurrentPassword,
            SessionUserContextRepository contexts,
            RememberMeCookie rememberMeCookie) {
        this.deleteAccount = deleteAccount;
        this.confirmCurrentPassword = confirmCurrentPassword;
        this.contexts = contexts;
        this.rememberMeCookie = rememberMeCookie;
    }

    @GetMapping("/account/delete")
    Mono<Rendering> deletionPage(ServerWebExchange exchange) {
        return SignedInUser.current()
                .flatMap(user -> Reauthentications.windowOpen(confirmCurrentPassword, exchange, user)
                        .map(open -> page(
                                new AccountDeletionView(user.username(), CurrentPasswordField.forWindow(open), ""),
                                HttpStatus.OK)));
    }

    @PostMapping("/account/delete")
    Mono<Rendering> delete(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> exchange.getFormData()
                        .flatMap(form ->
                                Reauthentications.attempt(exchange, user, form.getFirst(Reauthentications.FIELD)))
                        .flatMap(attempt ->
                                deleteAccount.delete(new AccountDeletionRequest(attempt, texts.languageTag())))
                        .flatMap(outcome -> {
                            if (outcome instanceof AccountDeletionOutcome.NotConfirmed refused) {
                                return Mono.just(refusedPage(exchange, user, refused.refusal(), texts));
                            }
                            return signOut(exchange)
                                    .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "account.delete.done"))
                                    .thenReturn(Rendering.redirectTo("/").build());
                        }));
    }

    private static Rendering refusedPage(
            ServerWebExchange exchange, SignedInUser user, ReauthenticationOutcome refusal, Texts texts) {
        if (refusal instanceof ReauthenticationOutcome.Throttled throttled) {
            TooManyAttempts.markResponse(exchange, throttled.retryAfter());
            long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
            return page(
                    new AccountDeletionView(
                            user.username(),
                            CurrentPasswordField.refused(refusal, texts),
                            texts.get("account.reauthentication.throttled", minutes)),
                    HttpStatus.TOO_MANY_REQUESTS);
        }
        return page(
                new AccountDeletionView(user.username(), CurrentPasswordField.refused(refusal, texts), ""),
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** As a logout does: the session is emptied and deleted; the flash added next goes in the visitor's cookie. */
    private Mono<Void> signOut(ServerWebExchange exchange) {
        if (rememberMeCookie.isPresent(exchange)) {
            rememberMeCookie.clear(exchange);
        }
        return contexts.save(exchange, null).then(exchange.getSession()).flatMap(session -> {
            session.getAttributes().clear();
            return session.invalidate();
        });
    }

    private static Rendering page(AccountDeletionView view, HttpStatus status) {
        return Rendering.view("account/delete")
                .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                .modelAttribute("form", view)
                .status(status)
                .build();
    }
}
