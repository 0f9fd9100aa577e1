package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.out.PasswordHasher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a {@link PasswordHasher} and records what was asked of it and on which thread, so that tests
 * can see that hashing left the caller's thread, and that cheap refusals never reached the hasher.
 */
public final class RecordingPasswordHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private final List<String> hashedPasswords = new CopyOnWriteArrayList<>();
    private final List<String> threadNames = new CopyOnWriteArrayList<>();

    public RecordingPasswordHasher(PasswordHasher delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public PasswordHash hash(String password) {
        threadNames.add(Thread.currentThread().getName());
        hashedPasswords.add(password);
        return delegate.hash(password);
    }

    @Override
    public PasswordCheck verify(String password, PasswordHash hash) {
        threadNames.add(Thread.currentThread().getName());
        return delegate.verify(password, hash);
    }

    /** Forgets what was recorded so far, e.g. the dummy hash a service makes when it is built. */
    public void clear() {
        hashedPasswords.clear();
        threadNames.clear();
    }

    /** Every password handed to {@link #hash}, as it arrived (normalized by the caller, if it normalizes). */
    public List<String> hashedPasswords() {
        return List.copyOf(hashedPasswords);
    }

    /** The thread of every hash and verification, in order. */
    public List<String> threadNames() {
        return List.copyOf(threadNames);
    }
}
