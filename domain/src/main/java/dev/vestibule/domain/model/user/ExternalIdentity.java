package dev.vestibule.domain.model.user;

import java.util.Objects;

/**
 * An identity a user holds at an external provider (an OpenID Connect issuer, say): the pair the provider
 * guarantees stable. A user may have several, and may have no local password at all.
 *
 * @param provider the registration id of the provider, e.g. "github"
 * @param subject  the provider's stable identifier of the user ("sub" in OIDC), never an email
 */
public record ExternalIdentity(String provider, String subject) {

    public ExternalIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        if (provider.isBlank() || subject.isBlank()) {
            throw new IllegalArgumentException("provider and subject must not be blank");
        }
    }
}
