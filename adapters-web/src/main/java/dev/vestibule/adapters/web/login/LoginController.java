package dev.vestibule.adapters.web.login;

import dev.vestibule.adapters.web.layout.AlreadySignedIn;
import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.session.CookieSigner;
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

    private final CookieSigner cookieSigner;

    LoginController(CookieSigner cookieSigner) {
        this.cookieSigner = cookieSigner;
    }

    @GetMapping("/login")
    Mono<Rendering> loginForm(@RequestParam(name = "next", required = false) String next, ServerWebExchange exchange) {
        return AlreadySignedIn.orElse(exchange, Mono.fromSupplier(() -> {
            Optional<String> failed = LastLoginName.take(exchange, cookieSigner);
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
