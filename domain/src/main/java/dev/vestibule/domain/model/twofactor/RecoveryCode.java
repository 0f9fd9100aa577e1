package dev.vestibule.domain.model.twofactor;

import dev.vestibule.domain.model.digest.Sha256;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A single-use code that stands in for the authenticator app when the phone is lost: 16 characters of Crockford's
 * base32 (80 random bits), shown as {@code XXXX-XXXX-XXXX-XXXX}. Read back case-insensitively, with or without dashes
 * and blanks, I and L as 1 and O as 0, as Crockford's alphabet prescribes for what people copy by hand.
 *
 * <p>Stored as its SHA-256 ({@link #hash()}), not with a slow password hash: a slow hash buys time against guessing a
 * password of maybe 30 bits; against 80 random bits, 2^80 SHA-256 computations are out of reach anyway, and a fast
 * hash lets the second step look a code up by its hash with one indexed, conditional DELETE.
 */
public final class RecoveryCode {

    /** Crockford's base32: digits and letters without I, L, O and U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static final int LENGTH = 16;
    /** Bits of entropy of a code: 16 characters of 5 bits. */
    public static final int ENTROPY_BITS = LENGTH * 5;
    /** How many codes a set has. */
    public static final int PER_SET = 10;

    private final String canonical;

    private RecoveryCode(String canonical) {
        this.canonical = canonical;
    }

    /** A new random code. */
    public static RecoveryCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RecoveryCode(code.toString());
    }

    /** A new set of {@link #PER_SET} distinct codes. */
    public static List<RecoveryCode> newSet(SecureRandom random) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < PER_SET) {
            codes.add(random(random).canonical);
        }
        List<RecoveryCode> set = new ArrayList<>();
        codes.forEach(code -> set.add(new RecoveryCode(code)));
        return List.copyOf(set);
    }

    /** The code {@code typed} is, read leniently; empty when it cannot be one. */
    public static Optional<RecoveryCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        String upper = typed.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0 || canonical.length() == LENGTH) {
                return Optional.empty();
            }
            canonical.append(read);
        }
        return canonical.length() == LENGTH ? Optional.of(new RecoveryCode(canonical.toString())) : Optional.empty();
    }

    /** How the user sees it: four groups of four. */
    public String formatted() {
        return canonical.substring(0, 4) + "-" + canonical.substring(4, 8) + "-" + canonical.substring(8, 12) + "-"
                + canonical.substring(12);
    }

    /** What the store keeps: the SHA-256 of the canonical form, in hex. */
    public String hash() {
        // The canonical form is Crockford base32, so its UTF-8 bytes are its ASCII bytes.
        return Sha256.hex(canonical);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecoveryCode that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }
}
