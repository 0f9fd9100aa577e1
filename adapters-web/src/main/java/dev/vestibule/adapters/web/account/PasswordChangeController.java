package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.port.in.ChangePassword;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.PasswordChangeCommand;
import dev.vestibule.domain.port.in.PasswordChangeOutcome;
import dev.vestibule.domain.port.in.PasswordChangeProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Changing the password: the current one, the new one twice. On success this browser stays signed in
 * (with a new session id and the user's new security stamp) while every other session and remembered
 * browser of the user ends; a wrong current password changes nothing. The hint names the minimum that applies to
 * this account now: the shorter one while it has a second factor (issue 14: NIST SP 800-63B rev. 4).
 */
@Controller
class PasswordChangeController {

    static final String CURRENT_PASSWORD = "current-password";
    static final String PASSWORD = "password";
    static final String PASSWORD_REPEAT = "password2";

    private final ChangePassword changePassword;
    private final SessionUserContextRepository contexts;
    // issue 14: password policy (the minimum depends on whether the account has a second factor)
    private final LoadSecondFactors secondFactors;
    private final PasswordMinimum onItsOwn;
    private final PasswordMinimum withSecondFactor;

    PasswordChangeController(
            ChangePassword changePassword,
            SessionUserContextRepository contexts,
            ObjectProvider<PasswordPolicy> passwordPolicy,
            LoadSecondFactors secondFactors) {
        this.changePassword = changePassword;
        this.contexts = contexts;
        this.secondFactors = secondFactors;
        PasswordPolicy policy = passwordPolicy.getIfAvailable();
        int alone = policy == null ? PasswordPolicy.DEFAULT_MINIMUM_LENGTH : policy.minimumLength();
        int withSecond = policy == null
                ? PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR
                : policy.minimumLengthWithSecondFactor();
        this.onItsOwn = new PasswordMinimum(alone, alone, false);
        this.withSecondFactor = new PasswordMinimum(withSecond, alone, true);
    }

    @GetMapping("/account/password")
    Mono<Rendering> form() {
        return minimum().map(minimum -> page(PasswordChangeView.blank(minimum), HttpStatus.OK));
    }

    /** The minimum for the signed-in user's account as it is now, as the use case will judge the new password. */
    private Mono<PasswordMinimum> minimum() {
        return SignedInUser.current()
                .flatMap(user -> secondFactors.of(user.id()))
                .map(factors -> factors.any() ? withSecondFactor : onItsOwn)
                .defaultIfEmpty(onItsOwn);
    }

    @PostMapping("/account/password")
    Mono<Rendering> change(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return Mono.zip(SignedInUser.current(), exchange.getFormData(), ThisBrowsers.of(exchange))
                .flatMap(all -> minimum().flatMap(passwordMinimum -> {
                    MultiValueMap<String, String> form = all.getT2();
                    return changePassword
                            .change(new PasswordChangeCommand(
                                    all.getT1().id(),
                                    form.getFirst(CURRENT_PASSWORD),
                                    form.getFirst(PASSWORD),
                                    form.getFirst(PASSWORD_REPEAT),
                                    all.getT3(),
                                    Origins.of(exchange),
                                    texts.languageTag()))
                            .flatMap(outcome -> answer(exchange, texts, outcome, passwordMinimum));
                }));
    }

    private Mono<Rendering> answer(
            ServerWebExchange exchange, Texts texts, PasswordChangeOutcome outcome, PasswordMinimum passwordMinimum) {
        if (outcome instanceof PasswordChangeOutcome.Changed changed) {
            return SessionUserContextRepository.restamp(exchange, changed.newStamp())
                    .then(contexts.passwordGiven(exchange))
                    .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "account.password.changed"))
                    .thenReturn(Rendering.redirectTo("/account").build());
        }
        if (outcome instanceof PasswordChangeOutcome.Throttled throttled) {
            TooManyAttempts.markResponse(exchange, throttled.retryAfter());
            long minutes = Math.max(1, (TooManyAttempts.seconds(throttled.retryAfter()) + 59) / 60);
            return Mono.just(page(
                    PasswordChangeView.throttled(texts.get("account.password.throttled", minutes), passwordMinimum),
                    HttpStatus.TOO_MANY_REQUESTS));
        }
        return Mono.just(page(
                PasswordChangeView.refused(
                        ((PasswordChangeOutcome.Refused) outcome).problems(), texts, passwordMinimum),
                HttpStatus.UNPROCESSABLE_CONTENT));
    }

    private static Rendering page(PasswordChangeView view, HttpStatus status) {
        return Rendering.view("account/password")
                .modelAttribute(PageModel.FAILED_SUBMIT, view.failed())
                .modelAttribute("form", view)
                .status(status)
                .build();
    }

    /** What the template sees: each field's problems in the reader's language (never a password). */
    record PasswordChangeView(
            List<String> currentPassword,
            List<String> password,
            List<String> password2,
            String formError,
            PasswordMinimum passwordMinimum) {

        static PasswordChangeView blank(PasswordMinimum passwordMinimum) {
            return new PasswordChangeView(List.of(), List.of(), List.of(), "", passwordMinimum);
        }

        static PasswordChangeView throttled(String message, PasswordMinimum passwordMinimum) {
            return new PasswordChangeView(List.of(), List.of(), List.of(), message, passwordMinimum);
        }

        static PasswordChangeView refused(
                List<PasswordChangeProblem> problems, Texts texts, PasswordMinimum passwordMinimum) {
            List<String> current = new ArrayList<>();
            List<String> password = new ArrayList<>();
            List<String> password2 = new ArrayList<>();
            for (PasswordChangeProblem problem : problems) {
                if (problem instanceof PasswordChangeProblem.CurrentPasswordWrong) {
                    current.add(texts.get("account.password.current-wrong"));
                } else if (problem instanceof PasswordChangeProblem.PasswordMissing) {
                    password.add(texts.get("problem.password.missing"));
                } else if (problem instanceof PasswordChangeProblem.WeakPassword weak) {
                    password.add(texts.get(ReasonTexts.of(weak.reason())));
                } else if (problem instanceof PasswordChangeProblem.PasswordsDiffer) {
                    password2.add(texts.get("problem.password.differs"));
                }
            }
            return new PasswordChangeView(current, password, password2, "", passwordMinimum);
        }

        /** The error summary: every problem, in the order of the fields, linking to its field. */
        List<Problem> problems() {
            List<Problem> problems = new ArrayList<>();
            currentPassword.forEach(text -> problems.add(new Problem(CURRENT_PASSWORD, text)));
            password.forEach(text -> problems.add(new Problem(PASSWORD, text)));
            password2.forEach(text -> problems.add(new Problem(PASSWORD_REPEAT, text)));
            return problems;
        }

        boolean hasProblems() {
            return !problems().isEmpty();
        }

        boolean currentInvalid() {
            return !currentPassword.isEmpty();
        }

        boolean passwordInvalid() {
            return !password.isEmpty();
        }

        boolean password2Invalid() {
            return !password2.isEmpty();
        }

        boolean failed() {
            return hasProblems() || !formError.isEmpty();
        }

        record Problem(String field, String text) {}
    }

    /**
     * What the hint says (issue 14): the minimum for this account now, and, while it has a second factor, the longer
     * one a password on its own needs (so the user knows what removing the second factor would ask).
     *
     * @param length           the minimum that applies
     * @param onItsOwn         the minimum of a password that signs in without a second factor
     * @param withSecondFactor whether the account has a second factor (the shorter minimum applies)
     */
    record PasswordMinimum(int length, int onItsOwn, boolean withSecondFactor) {}
}
