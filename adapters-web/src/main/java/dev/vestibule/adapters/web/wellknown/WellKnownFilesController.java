package dev.vestibule.adapters.web.wellknown;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** robots.txt keeps crawlers off the account pages; security.txt says where to report a vulnerability. */
@Controller
class WellKnownFilesController {

    /** The account pages and the paths that carry a secret in their link: nothing there for a search engine. */
    static final String ROBOTS_TXT = """
            User-agent: *
            Disallow: /account
            Disallow: /email-confirmation/
            Disallow: /logout
            Disallow: /top-secret
            """;

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final SecurityTxt securityTxt;
    private final Clock clock;

    WellKnownFilesController(SecurityTxt securityTxt, Clock clock) {
        this.securityTxt = securityTxt;
        this.clock = clock;
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robotsTxt() {
        return ResponseEntity.ok()
                .contentType(TEXT)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(ROBOTS_TXT);
    }

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> securityTxt() {
        return securityTxt
                .render(clock)
                .map(text -> ResponseEntity.ok()
                        .contentType(TEXT)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                        .body(text))
                // No contact configured: the site's 404 page, not a file that sends reports nowhere.
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
