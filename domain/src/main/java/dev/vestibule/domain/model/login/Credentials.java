package dev.vestibule.domain.model.login;

import dev.vestibule.domain.model.user.ExternalIdentity;
import java.util.Objects;

/** What a visitor offers as proof of who they are. */
public sealed interface Credentials {

    /**
     * A username or email address, and a password.
     *
     * @param login    a username or an email address, in any case
     * @param password as typed; never logged
     */
    record Password(String login, String password) implements Credentials {
        public Password {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[login=" + login + ", password=redacted]";
        }
    }

    /** An identity an external provider has already verified (an OIDC ID token's issuer and subject). */
    record External(ExternalIdentity identity) implements Credentials {
        public External {
            Objects.requireNonNull(identity, "identity");
        }
    }
}
