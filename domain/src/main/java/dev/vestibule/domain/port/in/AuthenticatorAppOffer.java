package dev.vestibule.domain.port.in;

import java.util.Objects;

/**
 * A secret offered to the user: sealed (what the page's session keeps until a code confirms it), and in the two forms
 * an app reads (base32 text, the otpauth URI of the QR code).
 */
public record AuthenticatorAppOffer(String sealedSecret, String secretBase32, String otpauthUri) {

    public AuthenticatorAppOffer {
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(secretBase32, "secretBase32");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
    }

    @Override
    public String toString() {
        return "AuthenticatorAppOffer[hidden]";
    }
}
