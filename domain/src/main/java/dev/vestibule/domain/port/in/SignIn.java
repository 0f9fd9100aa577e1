package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.session.Handle;
import java.time.Instant;
import java.util.Objects;

/**
 * One way a user is signed in, as the sessions page lists it: a web session, or a remembered browser that
 * can open new sessions.
 *
 * @param origin     the address and User-Agent at sign-in (as reported by the browser)
 * @param lastSeen   a session's last request, or when a remembered browser last signed in
 * @param thisBrowser whether it is the browser asking
 * @param factors     (issue 14) how it signed in (a session), or {@code REMEMBERED_BROWSER} (a remembered browser,
 *                    which signs in with its cookie)
 */
public record SignIn(
        Kind kind,
        Handle handle,
        Origin origin,
        Instant signedInAt,
        Instant lastSeen,
        boolean thisBrowser,
        SignInFactors factors) {

    public SignIn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(factors, "factors");
    }

    /** A sign-in whose factors are not known: a session's password, a remembered browser's cookie. */
    public SignIn(Kind kind, Handle handle, Origin origin, Instant signedInAt, Instant lastSeen, boolean thisBrowser) {
        this(
                kind,
                handle,
                origin,
                signedInAt,
                lastSeen,
                thisBrowser,
                SignInFactors.of(kind == Kind.SESSION ? Factor.PASSWORD : Factor.REMEMBERED_BROWSER, signedInAt));
    }

    public enum Kind {
        SESSION,
        REMEMBERED_BROWSER
    }
}
