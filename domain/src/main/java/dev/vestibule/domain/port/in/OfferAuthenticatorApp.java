package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** Draws a new authenticator-app secret for a signed-in user to scan; nothing is stored until a code confirms it. */
public interface OfferAuthenticatorApp {

    Mono<AuthenticatorAppOffer> offer(UserId userId);

    /**
     * The offer made earlier, shown again from its sealed secret (a page reloaded, a wrong code typed); empty when it
     * does not open for this user.
     */
    Mono<AuthenticatorAppOffer> offered(UserId userId, String sealedSecret);
}
