package dev.vestibule.adapters.crypto.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherTests {

    private static final String KEY = "two-factor-tests-encryption-key-0123456789";
    private static final String NEW_KEY = "the-next-two-factor-encryption-key-abcdefgh";
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final AesGcmSecretCipher cipher = AesGcmSecretCipher.withKeys(KEY, List.of());

    @Test
    void sealedOpensForItsContextOnly() {
        String sealed = cipher.seal(SECRET, "totp:alice");

        assertThat(cipher.open(sealed, "totp:alice")).hasValue(SECRET);
        assertThat(cipher.open(sealed, "totp:bob")).isEmpty();
    }

    @Test
    void theSealedTextNamesVersionAndKeyAndHidesTheSecret() {
        String sealed = cipher.seal(SECRET, "totp:alice");

        assertThat(sealed).matches("v1\\.[0-9a-f]{8}\\.[A-Za-z0-9_-]+");
        assertThat(sealed)
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET));
        assertThat(sealed).doesNotContain(new String(SECRET, StandardCharsets.US_ASCII));
        assertThat(cipher.toString()).doesNotContain(KEY);
    }

    @Test
    void aRandomNonceMakesEachSealingDifferent() {
        assertThat(cipher.seal(SECRET, "c")).isNotEqualTo(cipher.seal(SECRET, "c"));
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = cipher.seal(SECRET, "c");
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(cipher.open(tampered, "c")).isEmpty();
        assertThat(cipher.open("v1.00000000.AAAA", "c")).isEmpty();
        assertThat(cipher.open("garbage", "c")).isEmpty();
        assertThat(cipher.open(sealed.replace("v1.", "v2."), "c")).isEmpty();
    }

    @Test
    void afterARotationOldValuesStillOpenAndAreNoLongerCurrent() {
        String sealedBefore = cipher.seal(SECRET, "c");
        AesGcmSecretCipher rotated = AesGcmSecretCipher.withKeys(NEW_KEY, List.of(KEY));

        assertThat(rotated.open(sealedBefore, "c")).hasValue(SECRET);
        assertThat(rotated.sealedWithCurrentKey(sealedBefore)).isFalse();
        String resealed = rotated.seal(SECRET, "c");
        assertThat(rotated.sealedWithCurrentKey(resealed)).isTrue();
        // Once the old key is dropped, what it sealed no longer opens.
        assertThat(AesGcmSecretCipher.withKeys(NEW_KEY, List.of()).open(sealedBefore, "c"))
                .isEmpty();
        assertThat(cipher.open(resealed, "c")).isEmpty();
    }

    @Test
    void aKeyShorterThan32CharactersIsRefused() {
        assertThatThrownBy(() -> AesGcmSecretCipher.withKeys("too short", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("too short");
    }

    @Test
    void aGeneratedKeySealsAndOpens() {
        AesGcmSecretCipher generated = AesGcmSecretCipher.withGeneratedKey();

        assertThat(generated.open(generated.seal(SECRET, "c"), "c")).hasValue(SECRET);
        assertThat(cipher.open(generated.seal(SECRET, "c"), "c")).isEmpty();
    }
}
