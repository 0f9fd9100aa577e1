package dev.vestibule.adapters.web.secret;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A page only signed-in users see; the security configuration turns everyone else away. */
@Controller
class TopSecretController {

    @GetMapping("/top-secret")
    String topSecret() {
        return "secret/top-secret";
    }
}
