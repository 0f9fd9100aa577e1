package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import reactor.core.publisher.Mono;

/** Where users are kept. Usernames and email addresses are unique ignoring case, enforced by the store. */
public interface UserRepository {

    /** Stores a new user; a taken username or email is a result, not an error, even when two sign-ups race. */
    Mono<AddUserResult> add(User user);

    Mono<User> findById(UserId id);

    /** The user whose username or email address equals {@code login}, ignoring case. */
    Mono<User> findByLogin(String login);

    Mono<User> findByExternalIdentity(ExternalIdentity identity);

    Mono<Boolean> isUsernameTaken(Username username);

    Mono<Boolean> isEmailTaken(EmailAddress email);

    /**
     * Stores a new password hash and, in the same write, a new security stamp: every session and remembered
     * browser signed in under the old stamp ends (the caller re-stamps the one browser it means to keep).
     */
    Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp);

    /** {@link #changePasswordHash(UserId, PasswordHash, SecurityStamp)} with a fresh random stamp. */
    default Mono<Void> changePasswordHash(UserId id, PasswordHash newHash) {
        return Mono.defer(() -> changePasswordHash(id, newHash, SecurityStamp.random()));
    }

    /** Gives the user a new security stamp ("log out everywhere"): every sign-in under the old one ends. */
    Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp);

    // email confirmation
    /**
     * Sets the user's address to {@code address} and marks it confirmed. Returns false, changing nothing, when
     * another account has that address (ignoring case), even when the two changes race.
     */
    Mono<Boolean> confirmEmail(UserId id, EmailAddress address);

    // account deletion
    /** Deletes the user and their external identities; nothing happens when there is no such user. */
    Mono<Void> remove(UserId id);
}
