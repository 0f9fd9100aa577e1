package dev.vestibule.adapters.web.emailconfirmation;

import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.domain.port.in.ConfirmEmail;
import dev.vestibule.domain.port.in.EmailConfirmationLinkState;
import dev.vestibule.domain.port.in.EmailConfirmationOutcome;
import dev.vestibule.domain.port.in.OpenEmailConfirmationLink;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /email-confirmation/<token>}: GET shows the address and a confirm button and changes nothing (mail
 * scanners fetch links); POST confirms. Open to visitors: the link itself is the proof, whoever is signed in. Every
 * page here sends {@code Referrer-Policy: no-referrer}, so the token in the address never leaves in a Referer.
 */
@Controller
class EmailConfirmationController {

    static final String PATH = "/email-confirmation/";

    private final OpenEmailConfirmationLink openLink;
    private final ConfirmEmail confirmEmail;

    EmailConfirmationController(OpenEmailConfirmationLink openLink, ConfirmEmail confirmEmail) {
        this.openLink = openLink;
        this.confirmEmail = confirmEmail;
    }

    @GetMapping(PATH + "{token}")
    Mono<Rendering> confirmationPage(@PathVariable String token, ServerWebExchange exchange) {
        noReferrer(exchange);
        return openLink.open(token).map(state -> {
            if (state instanceof EmailConfirmationLinkState.Usable usable) {
                return Rendering.view("emailconfirmation/confirm")
                        .modelAttribute("address", usable.address().value())
                        .modelAttribute("action", PATH + token)
                        .build();
            }
            return notUsable();
        });
    }

    @PostMapping(PATH + "{token}")
    Mono<Rendering> confirm(@PathVariable String token, ServerWebExchange exchange) {
        noReferrer(exchange);
        return confirmEmail.confirm(token, Origins.of(exchange)).map(outcome -> {
            if (outcome instanceof EmailConfirmationOutcome.Confirmed confirmed) {
                return Rendering.view("emailconfirmation/confirmed")
                        .modelAttribute("address", confirmed.address().value())
                        .build();
            }
            if (outcome instanceof EmailConfirmationOutcome.AddressTaken taken) {
                return Rendering.view("emailconfirmation/taken")
                        .modelAttribute("address", taken.address().value())
                        .status(HttpStatus.CONFLICT)
                        .build();
            }
            return notUsable();
        });
    }

    /** Used, expired and unknown links look the same: gone, with no button. */
    private static Rendering notUsable() {
        return Rendering.view("emailconfirmation/invalid")
                .status(HttpStatus.GONE)
                .build();
    }

    private static void noReferrer(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
    }
}
