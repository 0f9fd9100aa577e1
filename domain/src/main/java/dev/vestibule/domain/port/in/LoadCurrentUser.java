package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/**
 * Loads the signed-in user named by a session (Flask-Login's user_loader): empty when the user no longer
 * exists or has been deactivated, which signs them out.
 */
public interface LoadCurrentUser {

    Mono<User> load(UserId id);
}
