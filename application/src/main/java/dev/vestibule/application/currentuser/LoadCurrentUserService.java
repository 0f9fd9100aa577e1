package dev.vestibule.application.currentuser;

import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LoadCurrentUser;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Loads the user a session names, if they still exist and may still sign in. */
public final class LoadCurrentUserService implements LoadCurrentUser {

    private final UserRepository users;

    public LoadCurrentUserService(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public Mono<User> load(UserId id) {
        return users.findById(id).filter(User::isActive);
    }
}
