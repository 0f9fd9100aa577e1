package dev.vestibule.adapters.web.passwordreset;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.port.in.OpenPasswordResetLink;
import dev.vestibule.domain.port.in.PasswordResetCommand;
import dev.vestibule.domain.port.in.PasswordResetOutcome;
import dev.vestibule.domain.port.in.PasswordResetRequest;
import dev.vestibule.domain.port.in.PasswordResetRequestOutcome;
import dev.vestibule.domain.port.in.RequestPasswordReset;
import dev.vestibule.domain.port.in.ResetPassword;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Password reset. {@code /password-reset} asks for the address and answers every well-formed one alike (the
 * page never says whether an account has it). {@code /password-reset/<token>} is what the mailed link opens: the
 * new-password form, or a page saying the link no longer works (410). The token pages send
 * {@code Referrer-Policy: no-referrer}, so the token never leaves in a Referer header.
 */
@Controller
class PasswordResetController {

    static final String PATH = "/password-reset";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String NO_REFERRER = "no-referrer";

    private final RequestPasswordReset requestPasswordReset;
    private final OpenPasswordResetLink openPasswordResetLink;
    private final ResetPassword resetPassword;
    private final int passwordMinimum;

    PasswordResetController(
            RequestPasswordReset requestPasswordReset,
            OpenPasswordResetLink openPasswordResetLink,
            ResetPassword resetPassword,
            ObjectProvider<PasswordPolicy> passwordPolicy) {
        this.requestPasswordReset = requestPasswordReset;
        this.openPasswordResetLink = openPasswordResetLink;
        this.resetPassword = resetPassword;
        PasswordPolicy policy = passwordPolicy.getIfAvailable();
        this.passwordMinimum = policy == null ? PasswordPolicy.DEFAULT_MINIMUM_LENGTH : policy.minimumLength();
    }

    @GetMapping(PATH)
    Mono<Rendering> requestForm() {
        return Mono.fromSupplier(() -> requestPage(RequestView.blank(), HttpStatus.OK));
    }

    @PostMapping(PATH)
    Mono<Rendering> request(@ModelAttribute PasswordResetRequestForm form, ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return requestPasswordReset
                .request(new PasswordResetRequest(form.email(), texts.languageTag()), Origins.of(exchange))
                .map(outcome -> {
                    if (outcome instanceof PasswordResetRequestOutcome.Rejected rejected) {
                        return requestPage(
                                RequestView.refused(form.email(), texts.get(ReasonTexts.of(rejected.reason()))),
                                HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    // The one answer: an account or none, throttled or not.
                    return Rendering.view("passwordreset/sent")
                            .status(HttpStatus.OK)
                            .build();
                });
    }

    @GetMapping(PATH + "/{token}")
    Mono<Rendering> newPasswordForm(@PathVariable String token, ServerWebExchange exchange) {
        noReferrer(exchange);
        return openPasswordResetLink
                .open(token)
                .map(valid -> valid
                        ? newPasswordPage(NewPasswordView.blank(PATH + "/" + token, passwordMinimum), HttpStatus.OK)
                        : linkInvalidPage());
    }

    @PostMapping(PATH + "/{token}")
    Mono<Rendering> reset(
            @PathVariable String token, @ModelAttribute NewPasswordForm form, ServerWebExchange exchange) {
        noReferrer(exchange);
        Texts texts = Texts.of(exchange);
        return resetPassword
                .reset(
                        new PasswordResetCommand(token, form.password(), form.password2(), texts.languageTag()),
                        Origins.of(exchange))
                .flatMap(outcome -> {
                    if (outcome instanceof PasswordResetOutcome.Reset) {
                        return FlashMessages.add(exchange, FlashCategory.SUCCESS, "passwordreset.flash.reset")
                                .thenReturn(Rendering.redirectTo("/login").build());
                    }
                    if (outcome instanceof PasswordResetOutcome.Rejected rejected) {
                        return Mono.just(newPasswordPage(
                                NewPasswordView.refused(PATH + "/" + token, rejected, passwordMinimum, texts),
                                HttpStatus.UNPROCESSABLE_CONTENT));
                    }
                    return Mono.just(linkInvalidPage());
                });
    }

    private static Rendering requestPage(RequestView view, HttpStatus status) {
        return Rendering.view("passwordreset/request")
                .modelAttribute(PageModel.FAILED_SUBMIT, view.invalid())
                .modelAttribute("form", view)
                .status(status)
                .build();
    }

    private static Rendering newPasswordPage(NewPasswordView view, HttpStatus status) {
        return Rendering.view("passwordreset/choose")
                .modelAttribute(PageModel.FAILED_SUBMIT, view.hasProblems())
                .modelAttribute("form", view)
                .status(status)
                .build();
    }

    /** Used, expired, unknown, or sent to an address the account no longer has: all alike, and gone for good. */
    private static Rendering linkInvalidPage() {
        return Rendering.view("passwordreset/invalid").status(HttpStatus.GONE).build();
    }

    /** Set before the body is written; Spring Security's own Referrer-Policy header then leaves it alone. */
    private static void noReferrer(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(REFERRER_POLICY, NO_REFERRER);
    }
}
