package dev.vestibule.domain.model.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 as a specification: the appendix-B test vectors (SHA-1 rows), drift of one step, a code used once. */
class TotpTests {

    /** Appendix B's SHA-1 seed: the ASCII of "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static final TotpSecret SECRET = TotpSecret.random(new SecureRandom());

    @ParameterizedTest(name = "T = {0} s: {2}")
    @CsvSource({
        "59, 1, 94287082",
        "1111111109, 37037036, 07081804",
        "1111111111, 37037037, 14050471",
        "1234567890, 41152263, 89005924",
        "2000000000, 66666666, 69279037",
        "20000000000, 666666666, 65353130"
    })
    void appendixBVectorsWithEightDigits(long unixTime, long step, String expected) {
        assertThat(Totp.stepAt(Instant.ofEpochSecond(unixTime))).isEqualTo(step);
        assertThat(Totp.code(RFC_SEED, step, 8, "HmacSHA1")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "T = {0} s: {1} truncated to six digits")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void sixDigitCodesAreTheLastSixDigitsOfTheVectors(long unixTime, String eightDigits) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(TotpSecret.of(RFC_SEED), step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void codeOfTheCurrentStepMatchesThatStep() {
        Instant now = Instant.parse("2026-12-08T01:00:15Z");
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step), now, Long.MIN_VALUE))
                .hasValue(step);
    }

    @Test
    void oneStepOfDriftEachWayIsAcceptedTwoAreNot() {
        Instant now = Instant.parse("2026-12-08T01:00:15Z");
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 1), now, Long.MIN_VALUE))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step + 1), now, Long.MIN_VALUE))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 2), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step + 2), now, Long.MIN_VALUE))
                .isEmpty();
    }

    @Test
    void replayWithinTheWindowIsRefusedOnceItsStepWasUsed() {
        Instant now = Instant.parse("2026-12-08T01:00:15Z");
        long step = Totp.stepAt(now);
        String code = Totp.code(SECRET, step);

        assertThat(Totp.matchingStep(SECRET, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(SECRET, code, now.plusSeconds(30), step)).isEmpty();
        // The code of the next step, once it comes, is accepted.
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step + 1), now.plusSeconds(30), step))
                .hasValue(step + 1);
    }

    @Test
    void anEarlierStepIsRefusedAfterALaterOneWasUsed() {
        Instant now = Instant.parse("2026-12-08T01:00:15Z");
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 1), now, step))
                .isEmpty();
    }

    @Test
    void blanksAreIgnoredAndAnythingButSixDigitsNeverMatches() {
        Instant now = Instant.parse("2026-12-08T01:00:15Z");
        String code = Totp.code(SECRET, Totp.stepAt(now));

        assertThat(Totp.matchingStep(SECRET, code.substring(0, 3) + " " + code.substring(3), now, Long.MIN_VALUE))
                .isPresent();
        assertThat(Totp.matchingStep(SECRET, code.substring(1), now, Long.MIN_VALUE))
                .isEmpty();
        assertThat(Totp.matchingStep(SECRET, code + "0", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(SECRET, "abcdef", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(SECRET, null, now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.looksLikeCode("123 456")).isTrue();
        assertThat(Totp.looksLikeCode("ABCD-EFGH-JKMN-PQRS")).isFalse();
    }

    @Test
    void secretIs160RandomBitsInBase32AndNeverInToString() {
        TotpSecret secret = TotpSecret.random(new SecureRandom());

        assertThat(secret.bytes()).hasSize(20);
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpSecret.of(Base32.decode(secret.base32().toLowerCase()))).isEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.base32());
        assertThat(TotpSecret.random(new SecureRandom())).isNotEqualTo(secret);
    }

    @Test
    void base32MatchesRfc4648Vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        TotpSecret secret = TotpSecret.of(RFC_SEED);

        assertThat(secret.otpauthUri("ada lovelace"))
                .isEqualTo("otpauth://totp/Vestibule:ada%20lovelace?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Vestibule&algorithm=SHA1&digits=6&period=30");
    }
}
