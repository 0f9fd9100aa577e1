package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Someone opened a confirmation link: which address it would confirm, if it still works. Reads only, so a mail
 * scanner that fetches every link changes nothing.
 */
public interface OpenEmailConfirmationLink {

    Mono<EmailConfirmationLinkState> open(String token);
}
