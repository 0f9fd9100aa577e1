package dev.vestibule.adapters.web.login;

import dev.vestibule.adapters.web.session.AlreadySignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Shows the login form; Spring Security's form login handles the POST (see SecurityConfiguration). */
@Controller
class LoginController {

    @GetMapping("/login")
    Mono<Rendering> loginForm(@RequestParam(name = "next", required = false) String next, ServerWebExchange exchange) {
        return AlreadySignedIn.orElse(exchange, exchange.getSession().map(session -> Rendering.view("login/login")
                .modelAttribute("title", "Log In")
                .modelAttribute("login", new LoginView(LastLoginName.take(session), NextPath.parse(next).orElse("")))
                .build()));
    }
}
