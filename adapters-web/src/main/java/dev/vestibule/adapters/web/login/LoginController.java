package dev.vestibule.adapters.web.login;

import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.AlreadySignedIn;
import java.util.Optional;
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
        return AlreadySignedIn.orElse(exchange, exchange.getSession().map(session -> {
            Optional<String> failed = LastLoginName.take(session);
            return Rendering.view("login/login")
                    .modelAttribute(PageModel.FAILED_SUBMIT, failed.isPresent())
                    .modelAttribute(
                            "login",
                            new LoginView(
                                    failed.orElse(""), NextPath.parse(next).orElse("")))
                    .build();
        }));
    }
}
