package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.session.Handle;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser a request came from, as the sign-ins it holds: its web session, and the remembered browser
 * (remember-me series) it was given or signed in with, if any. What "every other session" leaves alone.
 */
public record ThisBrowser(Handle session, Optional<Handle> rememberedBrowser) {

    public ThisBrowser {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(rememberedBrowser, "rememberedBrowser");
    }
}
