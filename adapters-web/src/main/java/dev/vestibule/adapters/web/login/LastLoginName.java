package dev.vestibule.adapters.web.login;

import java.util.Optional;
import org.springframework.web.server.WebSession;

/**
 * The username a failed login was tried with, kept for one page view so that the form comes back
 * filled in (the password never does) and the page says that the attempt failed.
 */
public final class LastLoginName {

    static final String SESSION_ATTRIBUTE = "vestibule.login.lastName";
    private static final int MAX_KEPT_LENGTH = 254;

    private LastLoginName() {}

    /** After a failed attempt; a blank or overlong name is kept as empty, the failure still counts. */
    public static void remember(WebSession session, String login) {
        boolean keepable = login != null && !login.isBlank() && login.length() <= MAX_KEPT_LENGTH;
        session.getAttributes().put(SESSION_ATTRIBUTE, keepable ? login.strip() : "");
    }

    /** The name of the attempt that just failed; empty when the login page follows no failed attempt. */
    static Optional<String> take(WebSession session) {
        Object kept = session.getAttributes().remove(SESSION_ATTRIBUTE);
        return kept instanceof String login ? Optional.of(login) : Optional.empty();
    }
}
