package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.event.ActivityPage;
import dev.vestibule.domain.port.in.ViewAccountActivity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Shows the signed-in user their own security events (logins, failures, logouts...), a page at a time: runs of one
 * kind grouped with their count, older pages behind plain links (issue 13 finding 3), so that no flood of one kind
 * hides the rest and the page works without JavaScript.
 */
@Controller
class AccountActivityController {

    private final ViewAccountActivity viewAccountActivity;
    private final BrowserNames browsers;

    AccountActivityController(ViewAccountActivity viewAccountActivity, BrowserNames browsers) {
        this.viewAccountActivity = viewAccountActivity;
        this.browsers = browsers;
    }

    @GetMapping("/account/activity")
    Mono<Rendering> activity(@RequestParam(name = "page", defaultValue = "1") String page, ServerWebExchange exchange) {
        int number = pageNumber(page);
        Texts texts = Texts.of(exchange);
        return SignedInUser.current()
                .flatMap(user -> viewAccountActivity.activity(user.id(), number))
                .map(activity -> Rendering.view("account/activity")
                        .modelAttribute(
                                "events",
                                activity.entries().stream()
                                        .map(entry -> ActivityView.from(entry, texts, browsers))
                                        .toList())
                        .modelAttribute("pages", ActivityPagesView.of(activity))
                        .build());
    }

    /** A number from 1 to the last page served; anything else is a bad request, not the first page. */
    private static int pageNumber(String page) {
        if (page.length() > 4 || !page.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        int number = Integer.parseInt(page);
        if (number < 1 || number > ActivityPage.LAST) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return number;
    }

    /** The links to the neighbouring pages, and which page this is. */
    record ActivityPagesView(int number, String newer, String older) {

        static ActivityPagesView of(ActivityPage page) {
            return new ActivityPagesView(
                    page.number(),
                    page.number() > 1 ? "/account/activity?page=" + (page.number() - 1) : "",
                    page.hasOlder() ? "/account/activity?page=" + (page.number() + 1) : "");
        }
    }
}
