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
    private final SecurityStamp securityStamp;
    private final boolean emailConfirmed;

    private User(
            UserId id,
            Username username,
            EmailAddress email,
            PasswordHash passwordHash,
            List<ExternalIdentity> externalIdentities,
            boolean active,
            Instant registeredAt,
            SecurityStamp securityStamp,
            boolean emailConfirmed) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = passwordHash;
        this.externalIdentities = List.copyOf(externalIdentities);
        this.active = active;
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.securityStamp = Objects.requireNonNull(securityStamp, "securityStamp");
        this.emailConfirmed = emailConfirmed;
        if (passwordHash == null && this.externalIdentities.isEmpty()) {
            throw new IllegalArgumentException("a user needs a password or an external identity to sign in");
        }
    }

    /** A new, active user who signs in with a password. */
    public static User registerWithPassword(Username username, EmailAddress email, PasswordHash hash, Instant now) {
        return new User(
                UserId.random(),
                username,
                email,
                Objects.requireNonNull(hash, "hash"),
                List.of(),
                true,
                now,
                SecurityStamp.random(),
                false);
    }

    /** A new, active user known through an external provider only. */
    public static User registerWithExternalIdentity(
            Username username, EmailAddress email, ExternalIdentity identity, Instant now) {
        return new User(
                UserId.random(), username, email, null, List.of(identity), true, now, SecurityStamp.random(), false);
    }

    /** Rebuilds a stored user; for repositories. */
    public static User restore(
            UserId id,
            Username username,
            EmailAddress email,
            PasswordHash passwordHashOrNull,
            List<ExternalIdentity> externalIdentities,
            boolean active,
            Instant registeredAt,
            SecurityStamp securityStamp,
            boolean emailConfirmed) {
        return new User(
                id,
                username,
                email,
                passwordHashOrNull,
                externalIdentities,
                active,
                registeredAt,
                securityStamp,
                emailConfirmed);
    }

    /** The user with a new password, and so a new security stamp: every sign-in under the old one ends. */
    public User withPasswordHash(PasswordHash newHash, SecurityStamp newStamp) {
        return new User(
                id,
                username,
                email,
                Objects.requireNonNull(newHash, "newHash"),
                externalIdentities,
                active,
                registeredAt,
                renewed(newStamp),
                emailConfirmed);
    }

    /** The user with a new password and a fresh random stamp. */
    public User withPasswordHash(PasswordHash newHash) {
        return withPasswordHash(newHash, SecurityStamp.random());
    }

    /** A disabled user, with a new stamp: enabling them again later revives none of today's sign-ins. */
    public User deactivated() {
        return new User(
                id,
                username,
                email,
                passwordHash,
                externalIdentities,
                false,
                registeredAt,
                SecurityStamp.random(),
                emailConfirmed);
    }

    /** The user under a new stamp ("log out everywhere"): every session and remembered browser ends. */
    public User withSecurityStamp(SecurityStamp newStamp) {
        return new User(
                id,
                username,
                email,
                passwordHash,
                externalIdentities,
                active,
                registeredAt,
                renewed(newStamp),
                emailConfirmed);
    }

    /** The user whose email address was confirmed (by the link mailed to it). */
    public User withEmailConfirmed() {
        return new User(
                id, username, email, passwordHash, externalIdentities, active, registeredAt, securityStamp, true);
    }

    private SecurityStamp renewed(SecurityStamp newStamp) {
        Objects.requireNonNull(newStamp, "newStamp");
        if (newStamp.equals(securityStamp)) {
            throw new IllegalArgumentException("a renewed stamp differs from the old one");
        }
        return newStamp;
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

    /** The stamp every current sign-in of this user must carry. */
    public SecurityStamp securityStamp() {
        return securityStamp;
    }

    /** Whether the user proved they read mail at {@link #email()} (by the confirmation link). */
    public boolean isEmailConfirmed() {
        return emailConfirmed;
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
