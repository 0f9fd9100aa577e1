package dev.vestibule.adapters.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The index: a greeting for the signed-in user or for Anonymous. */
@Controller
class HomeController {

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("title", "Home");
        return "home/index";
    }
}
