package dev.vestibule.domain.model.password;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.Username;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be, after NIST SP 800-63B rev. 4 section 3.1.1.2 and OWASP ASVS 5.0 V6.2: long
 * enough for how it is used (a password that signs in on its own must be longer than one always followed by a
 * second factor), not on a list of common passwords, not built from the user's own names, and made of printing
 * characters and spaces (no control characters: Unicode category Cc). No composition rules
 * (they make passwords weaker in practice), and nothing is truncated: length is counted in Unicode code
 * points after NFKC normalization, the same form that is hashed.
 */
public final class PasswordPolicy {

    /**
     * NIST SP 800-63B rev. 4: "Verifiers and CSPs SHALL require passwords that are used as a single-factor
     * authentication mechanism to be a minimum of 15 characters in length."
     */
    public static final int DEFAULT_MINIMUM_LENGTH = 15;
    /**
     * NIST SP 800-63B rev. 4: passwords "only used as part of multi-factor authentication processes" MAY be shorter
     * "but SHALL [be] a minimum of eight characters in length".
     */
    public static final int DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR = 8;
    /** Below this, no password is acceptable whatever else protects the account (the same SHALL). */
    public static final int LOWEST_MINIMUM_LENGTH = 8;
    /** Well above the 64 NIST requires us to accept; the cap only bounds the work of hashing hostile input. */
    public static final int DEFAULT_MAXIMUM_LENGTH = 256;
    /** Shorter local parts ("jo@...") occur inside too many good passwords to forbid them. */
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final int minimumLength;
    private final int minimumLengthWithSecondFactor;
    private final int maximumLength;
    private final CommonPasswords commonPasswords;

    /**
     * @param minimumLength                 for a password that signs in on its own ({@link PasswordUse#ONLY_FACTOR})
     * @param minimumLengthWithSecondFactor for one whose every sign-in needs a second factor too; never above the other
     */
    public PasswordPolicy(
            int minimumLength, int minimumLengthWithSecondFactor, int maximumLength, CommonPasswords commonPasswords) {
        if (minimumLengthWithSecondFactor < LOWEST_MINIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "minimum length below " + LOWEST_MINIMUM_LENGTH + " breaks NIST SP 800-63B");
        }
        if (minimumLength < minimumLengthWithSecondFactor) {
            throw new IllegalArgumentException(
                    "a password on its own must not be allowed shorter than one followed by a second factor");
        }
        if (maximumLength < Math.max(64, minimumLength)) {
            throw new IllegalArgumentException("maximum length must allow at least 64 characters and the minimum");
        }
        this.minimumLength = minimumLength;
        this.minimumLengthWithSecondFactor = minimumLengthWithSecondFactor;
        this.maximumLength = maximumLength;
        this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
    }

    /** One minimum whether or not a second factor follows the password. */
    public PasswordPolicy(int minimumLength, int maximumLength, CommonPasswords commonPasswords) {
        this(minimumLength, minimumLength, maximumLength, commonPasswords);
    }

    /**
     * The one form a password is measured, hashed and verified in, so that the same password typed on
     * another keyboard (composed vs decomposed accents, full-width digits) still matches.
     */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Every reason the password is refused for this user as the only factor of a sign-in (sign-up, reset: the stricter
     * rule); empty when it is acceptable.
     */
    public List<PasswordRejection> check(String password, Username username, EmailAddress email) {
        return check(password, username, email, PasswordUse.ONLY_FACTOR);
    }

    /** Every reason the password is refused for this user and this use; empty when it is acceptable. */
    public List<PasswordRejection> check(String password, Username username, EmailAddress email, PasswordUse use) {
        String normalized = normalize(Objects.requireNonNull(password, "password"));
        int length = normalized.codePointCount(0, normalized.length());
        int minimum = minimumLength(Objects.requireNonNull(use, "use"));
        List<PasswordRejection> rejections = new ArrayList<>();
        if (length < minimum) {
            rejections.add(new PasswordRejection.TooShort(minimum));
        }
        if (length > maximumLength) {
            rejections.add(new PasswordRejection.TooLong(maximumLength));
        }
        if (normalized.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            rejections.add(new PasswordRejection.ControlCharacters());
        }
        if (commonPasswords.contains(normalized)) {
            rejections.add(new PasswordRejection.Common());
        }
        String lowerCased = normalized.toLowerCase(Locale.ROOT);
        if (username != null && lowerCased.contains(username.canonical())) {
            rejections.add(new PasswordRejection.ContainsUsername());
        }
        if (email != null
                && email.localPart().length() >= SHORTEST_LOCAL_PART_CHECKED
                && lowerCased.contains(email.localPart())) {
            rejections.add(new PasswordRejection.ContainsEmail());
        }
        return List.copyOf(rejections);
    }

    /** The minimum for a password on its own: what sign-up and reset ask. */
    public int minimumLength() {
        return minimumLength;
    }

    /** The minimum for a password whose every sign-in needs a second factor too. */
    public int minimumLengthWithSecondFactor() {
        return minimumLengthWithSecondFactor;
    }

    public int minimumLength(PasswordUse use) {
        return switch (use) {
            case ONLY_FACTOR -> minimumLength;
            case WITH_SECOND_FACTOR -> minimumLengthWithSecondFactor;
        };
    }

    public int maximumLength() {
        return maximumLength;
    }
}
