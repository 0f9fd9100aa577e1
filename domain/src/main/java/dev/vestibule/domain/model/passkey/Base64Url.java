package dev.vestibule.domain.model.passkey;

import java.util.Base64;

/** The base64url form (no padding) WebAuthn's JSON speaks: every binary value of the model is kept in it. */
final class Base64Url {

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    /** Whether {@code text} is non-empty base64url that decodes to at most {@code maxBytes}. */
    static boolean isValid(String text, int maxBytes) {
        if (text == null || text.isEmpty() || text.indexOf('=') >= 0) {
            return false;
        }
        try {
            return decode(text).length <= maxBytes;
        } catch (IllegalArgumentException notBase64Url) {
            return false;
        }
    }
}
