package dev.vestibule.bootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.twofactor.Base32;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person with an authenticator app, through the pages: sets the app up from the secret the setup page shows (as
 * the app would read it), and computes its codes from that secret with the real clock.
 */
public final class TwoFactor {

    private TwoFactor() {}

    /** An enrolled app: its secret (scraped from the page) and the ten recovery codes shown once. */
    public record Enrolment(TotpSecret secret, List<String> recoveryCodes) {

        /** The app's code {@code steps} time steps from now (one step of drift each way is accepted). */
        public String code(int steps) {
            return Totp.code(secret, Totp.stepAt(Instant.now()) + steps);
        }

        /** A code none of the steps around now has: certainly wrong. */
        public String wrongCode() {
            long now = Totp.stepAt(Instant.now());
            Set<String> valid = new HashSet<>();
            for (long step = now - 2; step <= now + 2; step++) {
                valid.add(Totp.code(secret, step));
            }
            for (int candidate = 0; ; candidate++) {
                String code = String.format("%06d", candidate * 111_111 % 1_000_000);
                if (!valid.contains(code)) {
                    return code;
                }
            }
        }
    }

    /** Sets up the authenticator app for the signed-in browser (its re-authentication window must be open). */
    public static Enrolment enrol(Browser browser) {
        Page setup = browser.open("/account/two-factor/totp");
        assertThat(setup.status()).isEqualTo(200);
        String base32 = setup.html().select("code.totp-secret").text().replace(" ", "");
        assertThat(setup.html().select("code.otpauth-uri").text()).contains("secret=" + base32);
        TotpSecret secret = TotpSecret.of(Base32.decode(base32));
        Page codes = browser.submit(
                "/account/two-factor/totp",
                "/account/two-factor/totp",
                Map.of("code", Totp.code(secret, Totp.stepAt(Instant.now()))));
        assertThat(codes.status()).as(codes.body()).isEqualTo(200);
        List<String> recoveryCodes = codes.html().select(".recovery-code").eachText();
        assertThat(recoveryCodes).hasSize(10);
        return new Enrolment(secret, recoveryCodes);
    }

    /** Posts {@code code} to the second step, as the page's form would. */
    public static Page secondStep(Browser browser, String code) {
        return browser.submit("/login/two-factor", "/login/two-factor", Map.of("code", code));
    }
}
