package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** What a remembered browser's token turned out to be. */
public sealed interface RememberedBrowserRecognition {

    /**
     * Sign the user in.
     *
     * @param nextToken the token to give the browser instead of the one it sent; empty when a parallel
     *                  request already rotated it, and the browser keeps the one that request gave it
     */
    record Recognized(User user, Optional<RememberMeToken> nextToken) implements RememberedBrowserRecognition {
        public Recognized {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(nextToken, "nextToken");
        }
    }

    /** Unknown, expired, or of a user who may no longer sign in: forget the cookie, nothing more. */
    record NotRecognized() implements RememberedBrowserRecognition {}

    /** An old secret of a live series: a copy of the cookie is in someone else's hands. The series is revoked. */
    record TheftDetected(UserId userId) implements RememberedBrowserRecognition {
        public TheftDetected {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
