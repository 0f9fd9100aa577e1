package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Text;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the site will not serve, with an explanation written for the visitor. The explanation is a
 * text of the bundles chosen by the code that refuses (with a field name of the contract at most, never
 * the visitor's input, never an exception message), so it can be shown on the error page, in the
 * visitor's language, while every other error keeps its message to itself. The reason is its key, for logs.
 */
final class RefusedRequest extends ResponseStatusException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Text explanation;

    RefusedRequest(HttpStatus status, Text explanation) {
        super(status, explanation.key());
        this.explanation = explanation;
    }

    Text explanation() {
        return explanation;
    }
}
