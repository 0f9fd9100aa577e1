package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.user.User;
import java.util.Objects;

/** How storing a new user ended. */
public sealed interface AddUserResult {

    record Added(User user) implements AddUserResult {
        public Added {
            Objects.requireNonNull(user, "user");
        }
    }

    record UsernameTaken() implements AddUserResult {}

    record EmailTaken() implements AddUserResult {}
}
