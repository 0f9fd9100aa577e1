package dev.vestibule.bootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.webauthn.testing.SoftwareAuthenticator;

/**
 * issue 14: passkey. The passkey ceremonies as the page script runs them, over HTTP with a software authenticator:
 * for journeys that need no real browser (events, replays, two instances).
 */
public final class Passkeys {

    private Passkeys() {}

    /** A software passkey for the relying party of {@code publicUrl} (http://localhost:port). */
    public static SoftwareAuthenticator authenticatorFor(String publicUrl) {
        return new SoftwareAuthenticator(
                publicUrl, java.net.URI.create(publicUrl).getHost());
    }

    /** Adds a passkey to the signed-in user of {@code browser} (the re-authentication window must be open). */
    public static Page add(Browser browser, SoftwareAuthenticator authenticator) {
        String token = browser.csrfToken("/account/passkeys");
        Page options = browser.postJson("/account/passkeys/registration/options", token, "{}");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return browser.postJson(
                "/account/passkeys/registration",
                token,
                "{\"credential\":" + authenticator.create(options.body()) + ",\"name\":\"Software\"}");
    }

    /** The request options of a sign-in without a password, and the token to finish it with. */
    public record Started(String token, String options) {
        public String challenge() {
            return SoftwareAuthenticator.challengeOf(options);
        }
    }

    public static Started beginSignIn(Browser browser) {
        String token = browser.csrfToken("/login");
        Page options = browser.postJson("/login/passkey/options", token, "{}");
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        return new Started(token, options.body());
    }

    public static Page finishSignIn(Browser browser, Started started, String assertion) {
        return browser.postJson("/login/passkey", started.token(), "{\"credential\":" + assertion + "}");
    }

    /** Signs in with the passkey and no password; answers the JSON answer. */
    public static Page signIn(Browser browser, SoftwareAuthenticator authenticator) {
        Started started = beginSignIn(browser);
        return finishSignIn(browser, started, authenticator.get(started.options()));
    }
}
