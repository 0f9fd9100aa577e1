package dev.vestibule.adapters.web.login;

import org.springframework.web.server.WebSession;

/**
 * The username a failed login was tried with, kept for one page view so that the form comes back
 * filled in (the password never does).
 */
public final class LastLoginName {

    static final String SESSION_ATTRIBUTE = "vestibule.login.lastName";
    private static final int MAX_KEPT_LENGTH = 254;

    private LastLoginName() {
    }

    public static void remember(WebSession session, String login) {
        if (login != null && !login.isBlank() && login.length() <= MAX_KEPT_LENGTH) {
            session.getAttributes().put(SESSION_ATTRIBUTE, login.strip());
        }
    }

    static String take(WebSession session) {
        Object kept = session.getAttributes().remove(SESSION_ATTRIBUTE);
        return kept instanceof String login ? login : "";
    }
}
