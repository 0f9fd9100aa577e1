package dev.vestibule.adapters.web.layout;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.session.SignedInUser;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Login and sign-up pages are for visitors: a signed-in user who opens one goes home instead. In the layout
 * package rather than session, since it speaks through a flash message and flash cookies are named as the
 * session package names every cookie of ours.
 */
public final class AlreadySignedIn {

    private AlreadySignedIn() {}

    /** The page {@code forVisitors} renders, unless someone is signed in. */
    public static Mono<Rendering> orElse(ServerWebExchange exchange, Mono<Rendering> forVisitors) {
        return SignedInUser.current()
                .flatMap(user -> FlashMessages.add(exchange, FlashCategory.INFO, "flash.already-signed-in")
                        .thenReturn(Rendering.redirectTo("/").build()))
                .switchIfEmpty(forVisitors);
    }
}
