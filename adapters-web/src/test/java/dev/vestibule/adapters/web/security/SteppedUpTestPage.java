package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.WebAdapterTestApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;

/**
 * (issue 14) The page the slice tests list under step-up: one of their own, so that no other test's page changes
 * behaviour when a test user has a second factor.
 */
@Controller
class SteppedUpTestPage {

    static final String TEXT = "the stepped-up page";

    @GetMapping(WebAdapterTestApplication.STEP_UP_PAGE)
    @ResponseBody
    Mono<String> page() {
        return Mono.just(TEXT);
    }
}
