package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The account page: who is signed in, their email address and whether it is confirmed, and the account's pages. */
@Controller
class AccountController {

    private final LoadCurrentUser loadCurrentUser;

    AccountController(LoadCurrentUser loadCurrentUser) {
        this.loadCurrentUser = loadCurrentUser;
    }

    @GetMapping("/account")
    Mono<Rendering> account() {
        return SignedInUser.current()
                .flatMap(signedIn -> loadCurrentUser.load(signedIn.id()))
                .map(user -> Rendering.view("account/overview")
                        .modelAttribute(
                                "account",
                                new AccountView(
                                        user.username().value(), user.email().value(), user.isEmailConfirmed()))
                        .build());
    }

    /** What the account page shows. */
    record AccountView(String username, String email, boolean emailConfirmed) {}
}
