package dev.vestibule.adapters.web.twofactor;

import dev.vestibule.adapters.web.account.CurrentPasswordField;
import java.util.List;

/** What the account's two-factor pages see. */
final class TwoFactorViews {

    private TwoFactorViews() {}

    /**
     * The overview: whether the app is on, how many recovery codes are left, how many passkeys; the current-password
     * field of its two forms, and an error above them (empty if none).
     */
    record Overview(
            boolean appEnabled,
            int recoveryCodesLeft,
            int passkeys,
            CurrentPasswordField currentPassword,
            String formError) {

        boolean failed() {
            return currentPassword.invalid() || !formError.isEmpty();
        }

        boolean noCodesLeft() {
            return appEnabled && recoveryCodesLeft == 0;
        }

        PasswordField regenerateField() {
            return new PasswordField("regenerate-current-password", currentPassword);
        }

        PasswordField disableField() {
            return new PasswordField("disable-current-password", currentPassword);
        }
    }

    /**
     * The setup page: the QR code (SVG markup drawn by us), the secret as text in groups of four, the otpauth URI,
     * the code field's error, the current-password field.
     */
    record Setup(
            String qrSvg,
            String secretGrouped,
            String otpauthUri,
            boolean replacesApp,
            List<String> codeErrors,
            CurrentPasswordField currentPassword) {

        boolean codeInvalid() {
            return !codeErrors.isEmpty();
        }

        boolean failed() {
            return codeInvalid() || currentPassword.invalid();
        }

        PasswordField passwordField() {
            return new PasswordField("current-password", currentPassword);
        }
    }

    /** One form's current-password field, with an id of its own (a page may have two such forms). */
    record PasswordField(String fieldId, CurrentPasswordField currentPassword) {}

    /** The recovery codes, shown once, and why (the app was just enabled, or the codes regenerated). */
    record Codes(List<String> codes, boolean justEnabled) {}
}
