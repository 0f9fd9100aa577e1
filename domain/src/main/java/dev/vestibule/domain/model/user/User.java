package dev.vestibule.domain.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. How they prove who they are is open: a local password, external identities, or
 * both; a user who signed up through a provider has no password here.
 */
public final class User {

    private final UserId id;
    private final Username username;
    private final EmailAddress email;
    private final PasswordHash passwordHash;
    private final List<ExternalIdentity> externalIdentities;
    private final boolean active;
    private final Instant registeredAt;

    private User(
            UserId id,
            Username username,
            EmailAddress email,
            PasswordHash passwordHash,
            List<ExternalIdentity> externalIdentities,
            boolean active,
            Instant registeredAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = passwordHash;
        this.externalIdentities = List.copyOf(externalIdentities);
        this.active = active;
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        if (passwordHash == null && this.externalIdentities.isEmpty()) {
            throw new IllegalArgumentException("a user needs a password or an external identity to sign in");
        }
    }

    /** A new, active user who signs in with a password. */
    public static User registerWithPassword(Username username, EmailAddress email, PasswordHash hash, Instant now) {
        return new User(UserId.random(), username, email, Objects.requireNonNull(hash, "hash"), List.of(), true, now);
    }

    /** A new, active user known through an external provider only. */
    public static User registerWithExternalIdentity(
            Username username, EmailAddress email, ExternalIdentity identity, Instant now) {
        return new User(UserId.random(), username, email, null, List.of(identity), true, now);
    }

    /** Rebuilds a stored user; for repositories. */
    public static User restore(
            UserId id,
            Username username,
            EmailAddress email,
            PasswordHash passwordHashOrNull,
            List<ExternalIdentity> externalIdentities,
            boolean active,
            Instant registeredAt) {
        return new User(id, username, email, passwordHashOrNull, externalIdentities, active, registeredAt);
    }

    public User withPasswordHash(PasswordHash newHash) {
        return new User(
                id,
                username,
                email,
                Objects.requireNonNull(newHash, "newHash"),
                externalIdentities,
                active,
                registeredAt);
    }

    public User deactivated() {
        return new User(id, username, email, passwordHash, externalIdentities, false, registeredAt);
    }

    public UserId id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public EmailAddress email() {
        return email;
    }

    public Optional<PasswordHash> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public List<ExternalIdentity> externalIdentities() {
        return externalIdentities;
    }

    /** An inactive user keeps their data but can neither sign in nor stay signed in. */
    public boolean isActive() {
        return active;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + (active ? "" : ", inactive") + "]";
    }
}
