package dev.vestibule.adapters.web.login;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.adapters.web.session.CookieSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The username a failed login was tried with, kept for one page view so that the form comes back
 * filled in (the password never does) and the page says that the attempt failed.
 *
 * <p>Kept in a short-lived cookie, not in a session: the one who failed to log in has none, and a failed
 * login must cost the session store nothing. The name is signed with the server's key, so that a planted
 * cookie cannot put words of someone else's choosing into the form.
 */
public final class LastLoginName {

    static final String COOKIE_NAME = "login-name";
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final String SIGNATURE_PURPOSE = "last-login-name";
    private static final int MAX_KEPT_LENGTH = 254;

    private LastLoginName() {}

    /** After a failed attempt; a blank or overlong name is kept as empty, the failure still counts. */
    public static void remember(ServerWebExchange exchange, CookieSigner signer, String login) {
        boolean keepable = login != null && !login.isBlank() && login.length() <= MAX_KEPT_LENGTH;
        String encoded = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((keepable ? login.strip() : "").getBytes(StandardCharsets.UTF_8));
        CookieNames.write(exchange, COOKIE_NAME, signer.sign(SIGNATURE_PURPOSE, "n" + encoded), MAX_AGE);
    }

    /** The name of the attempt that just failed; empty when the login page follows no failed attempt. */
    static Optional<String> take(ServerWebExchange exchange, CookieSigner signer) {
        Optional<String> signed = CookieNames.read(COOKIE_NAME, exchange.getRequest()).stream()
                .findFirst()
                .map(HttpCookie::getValue);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        CookieNames.write(exchange, COOKIE_NAME, "", Duration.ZERO);
        return signed.flatMap(value -> signer.verify(SIGNATURE_PURPOSE, value)).flatMap(LastLoginName::decode);
    }

    private static Optional<String> decode(String value) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(value.substring(1)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException corrupted) {
            return Optional.empty();
        }
    }
}
