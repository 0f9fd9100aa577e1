package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import java.security.Principal;
import java.util.Objects;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.Mono;

/** The principal of a signed-in request: who, as loaded from the database for this request. */
public record SignedInUser(UserId id, String username, SecurityStamp securityStamp) implements Principal {

    public SignedInUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(securityStamp, "securityStamp");
    }

    public static SignedInUser of(User user) {
        return new SignedInUser(user.id(), user.username().value(), user.securityStamp());
    }

    /** The user signed in on the current request, or empty for a visitor. */
    public static Mono<SignedInUser> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null
                        ? null
                        : context.getAuthentication().getPrincipal())
                .ofType(SignedInUser.class);
    }

    @Override
    public String getName() {
        return username;
    }
}
