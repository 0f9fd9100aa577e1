package dev.vestibule.adapters.web.passkey;

import dev.vestibule.adapters.web.account.Reauthentications;
import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PasswordGiven;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.passkey.PasskeyName;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.port.in.BeginPasskeyRegistration;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.FinishPasskeyRegistration;
import dev.vestibule.domain.port.in.PasskeyRefusal;
import dev.vestibule.domain.port.in.PasskeyRegistrationCommand;
import dev.vestibule.domain.port.in.PasskeyRegistrationOutcome;
import dev.vestibule.domain.port.in.PasskeyRegistrationStart;
import dev.vestibule.domain.port.in.PasskeyRemovalCommand;
import dev.vestibule.domain.port.in.PasskeyRenameCommand;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.in.RemovePasskey;
import dev.vestibule.domain.port.in.RenamePasskey;
import dev.vestibule.domain.port.in.ViewPasskeys;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The account's passkeys: the page lists them with a rename and a remove form each (plain forms, no script needed)
 * and offers "Add a passkey", which the script drives through two JSON endpoints: the options (after a fresh
 * re-authentication: the typed current password, or the open window) and the authenticator's answer.
 */
@Controller
class PasskeyAccountController {

    static final String PAGE = "/account/passkeys";

    private final ViewPasskeys viewPasskeys;
    private final RenamePasskey renamePasskey;
    private final RemovePasskey removePasskey;
    private final BeginPasskeyRegistration beginRegistration;
    private final FinishPasskeyRegistration finishRegistration;
    private final ConfirmCurrentPassword confirmCurrentPassword;

    PasskeyAccountController(
            ViewPasskeys viewPasskeys,
            RenamePasskey renamePasskey,
            RemovePasskey removePasskey,
            BeginPasskeyRegistration beginRegistration,
            FinishPasskeyRegistration finishRegistration,
            ConfirmCurrentPassword confirmCurrentPassword) {
        this.viewPasskeys = viewPasskeys;
        this.renamePasskey = renamePasskey;
        this.removePasskey = removePasskey;
        this.beginRegistration = beginRegistration;
        this.finishRegistration = finishRegistration;
        this.confirmCurrentPassword = confirmCurrentPassword;
    }

    @GetMapping(PAGE)
    Mono<Rendering> page(ServerWebExchange exchange) {
        return SignedInUser.current()
                .flatMap(user -> attempt(exchange, user, null)
                        .flatMap(confirmCurrentPassword::confirm)
                        .map(ReauthenticationOutcome::confirmed)
                        .zipWith(viewPasskeys
                                .of(user.id())
                                .map(PasskeysView.Row::from)
                                .collectList())
                        .map(loaded -> Rendering.view("passkey/passkeys")
                                .modelAttribute(
                                        "passkeys",
                                        new PasskeysView(loaded.getT2(), !loaded.getT1(), PasskeyName.MAX_LENGTH))
                                .build()));
    }

    @PostMapping(PAGE + "/{id}/rename")
    Mono<Rendering> rename(ServerWebExchange exchange, @PathVariable String id) {
        return SignedInUser.current()
                .flatMap(user -> exchange.getFormData()
                        .flatMap(form -> renamePasskey.rename(
                                new PasskeyRenameCommand(user.id(), id, form.getFirst("name"), Origins.of(exchange))))
                        .flatMap(change -> switch (change) {
                            case DONE -> FlashMessages.add(exchange, FlashCategory.SUCCESS, "passkey.renamed");
                            case INVALID_NAME ->
                                FlashMessages.add(
                                        exchange, FlashCategory.DANGER, "passkey.name-invalid", PasskeyName.MAX_LENGTH);
                            // a rename asks no re-authentication, so it is never refused for one
                            case NOT_FOUND, NOT_CONFIRMED, THROTTLED ->
                                FlashMessages.add(exchange, FlashCategory.DANGER, "passkey.not-found");
                        })
                        .thenReturn(Rendering.redirectTo(PAGE).build()));
    }

    @PostMapping(PAGE + "/{id}/remove")
    Mono<Rendering> remove(ServerWebExchange exchange, @PathVariable String id) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> exchange.getFormData().flatMap(form -> {
                    String typed = form.getFirst(Reauthentications.FIELD);
                    return attempt(exchange, user, typed)
                            .flatMap(attempt ->
                                    removePasskey.remove(new PasskeyRemovalCommand(attempt, id, texts.languageTag())))
                            .flatMap(change -> switch (change) {
                                case DONE -> FlashMessages.add(exchange, FlashCategory.SUCCESS, "passkey.removed");
                                case NOT_CONFIRMED ->
                                    FlashMessages.add(
                                            exchange,
                                            FlashCategory.DANGER,
                                            typed == null || typed.isEmpty()
                                                    ? "account.reauthentication.required"
                                                    : "account.reauthentication.wrong");
                                case THROTTLED ->
                                    FlashMessages.add(exchange, FlashCategory.DANGER, "passkey.remove.throttled");
                                case NOT_FOUND, INVALID_NAME ->
                                    FlashMessages.add(exchange, FlashCategory.DANGER, "passkey.not-found");
                            });
                }))
                .thenReturn(Rendering.redirectTo(PAGE).build());
    }

    /** Body {@code {"currentPassword": "..."}} (optional while the window is open): the creation options. */
    @PostMapping(PAGE + "/registration/options")
    @ResponseBody
    Mono<ResponseEntity<String>> registrationOptions(
            ServerWebExchange exchange, @RequestBody(required = false) String body) {
        Texts texts = Texts.of(exchange);
        var read = PasskeyJson.read(body);
        if (read.isEmpty()) {
            return Mono.just(malformed(texts));
        }
        String typed = read.get().text("currentPassword");
        return SignedInUser.current()
                .flatMap(user -> attempt(exchange, user, typed.isEmpty() ? null : typed))
                .flatMap(beginRegistration::begin)
                .flatMap(start -> {
                    if (start instanceof PasskeyRegistrationStart.Ready ready) {
                        return ready.passwordCheckedAt()
                                .map(at -> PasswordGiven.at(exchange, at))
                                .orElse(Mono.empty())
                                .thenReturn(PasskeyJson.ok(PasskeyJson.creationOptions(ready.options())));
                    }
                    ReauthenticationOutcome refusal = ((PasskeyRegistrationStart.NotConfirmed) start).refusal();
                    return Mono.just(notConfirmed(refusal, texts));
                });
    }

    /** Body {@code {"credential": <PublicKeyCredential.toJSON()>, "name": "..."}}: stores the passkey. */
    @PostMapping(PAGE + "/registration")
    @ResponseBody
    Mono<ResponseEntity<String>> register(ServerWebExchange exchange, @RequestBody(required = false) String body) {
        Texts texts = Texts.of(exchange);
        var read = PasskeyJson.read(body);
        if (read.isEmpty() || read.get().credential().isEmpty()) {
            return Mono.just(malformed(texts));
        }
        return SignedInUser.current()
                .flatMap(user -> finishRegistration.finish(new PasskeyRegistrationCommand(
                        user.id(),
                        read.get().credential().get(),
                        read.get().text("name"),
                        Origins.of(exchange),
                        texts.languageTag())))
                .flatMap(outcome -> {
                    if (outcome instanceof PasskeyRegistrationOutcome.Added) {
                        return FlashMessages.add(exchange, FlashCategory.SUCCESS, "passkey.added")
                                .thenReturn(PasskeyJson.redirect(PAGE));
                    }
                    PasskeyRefusal reason = ((PasskeyRegistrationOutcome.Refused) outcome).reason();
                    return Mono.just(
                            switch (reason) {
                                case MALFORMED -> malformed(texts);
                                case ALREADY_REGISTERED ->
                                    PasskeyJson.error(
                                            HttpStatus.CONFLICT,
                                            "already-registered",
                                            texts.get("passkey.error.already-registered"));
                                default ->
                                    PasskeyJson.error(
                                            HttpStatus.UNPROCESSABLE_CONTENT,
                                            "refused",
                                            texts.get("passkey.error.registration-refused"));
                            });
                });
    }

    private static Mono<ReauthenticationAttempt> attempt(ServerWebExchange exchange, SignedInUser user, String typed) {
        return exchange.getSession()
                .map(session ->
                        ReauthenticationAttempt.of(user.id(), typed, PasswordGiven.in(session), Origins.of(exchange)));
    }

    static ResponseEntity<String> malformed(Texts texts) {
        return PasskeyJson.error(HttpStatus.BAD_REQUEST, "malformed", texts.get("passkey.error.malformed"));
    }

    private static ResponseEntity<String> notConfirmed(ReauthenticationOutcome refusal, Texts texts) {
        if (refusal instanceof ReauthenticationOutcome.Throttled throttled) {
            Duration wait = throttled.retryAfter();
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            return PasskeyJson.throttled(wait, texts.get("account.reauthentication.throttled", minutes));
        }
        if (refusal instanceof ReauthenticationOutcome.WrongPassword) {
            return PasskeyJson.error(
                    HttpStatus.FORBIDDEN, "wrong-password", texts.get("account.reauthentication.wrong"));
        }
        return PasskeyJson.error(
                HttpStatus.FORBIDDEN, "reauthentication-required", texts.get("account.reauthentication.required"));
    }
}
