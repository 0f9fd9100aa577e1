package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Shows the signed-in user their own recent security events (logins, failures, logouts...). */
@Controller
class AccountActivityController {

    private final ViewAccountActivity viewAccountActivity;
    private final BrowserNames browsers;

    AccountActivityController(ViewAccountActivity viewAccountActivity, BrowserNames browsers) {
        this.viewAccountActivity = viewAccountActivity;
        this.browsers = browsers;
    }

    @GetMapping("/account/activity")
    Mono<Rendering> activity(ServerWebExchange exchange) {
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> viewAccountActivity
                        .recentActivity(user.id())
                        .map(event -> ActivityView.from(event, texts, browsers))
                        .collectList())
                .map(events -> Rendering.view("account/activity")
                        .modelAttribute("events", events)
                        .build());
    }
}
