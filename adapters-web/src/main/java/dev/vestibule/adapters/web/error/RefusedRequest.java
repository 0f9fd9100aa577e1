package dev.vestibule.adapters.web.error;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the site will not serve, with an explanation written for the visitor. The explanation is
 * fixed text chosen by the code that refuses (never the visitor's input, never an exception message), so
 * it can be shown on the error page while every other error keeps its message to itself.
 */
final class RefusedRequest extends ResponseStatusException {

    RefusedRequest(HttpStatus status, String explanation) {
        super(status, explanation);
    }

    String explanation() {
        return getReason();
    }
}
