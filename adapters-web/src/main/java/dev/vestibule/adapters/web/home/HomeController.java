package dev.vestibule.adapters.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The index: a greeting for the signed-in user, or what the site is for and the way in for a visitor. */
@Controller
class HomeController {

    @GetMapping("/")
    String index() {
        return "home/index";
    }
}
