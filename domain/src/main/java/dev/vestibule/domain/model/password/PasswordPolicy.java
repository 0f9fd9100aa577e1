package dev.vestibule.domain.model.password;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.Username;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be, after NIST SP 800-63B section 3.1.1.2 and OWASP ASVS 5.0 V6.2: long
 * enough, not on a list of common passwords, not built from the user's own names, and made of printing
 * characters and spaces (no control characters: Unicode category Cc). No composition rules
 * (they make passwords weaker in practice), and nothing is truncated: length is counted in Unicode code
 * points after NFKC normalization, the same form that is hashed.
 */
public final class PasswordPolicy {

    /** NIST's floor for a password that is the only factor. */
    public static final int DEFAULT_MINIMUM_LENGTH = 8;
    /** Well above the 64 NIST requires us to accept; the cap only bounds the work of hashing hostile input. */
    public static final int DEFAULT_MAXIMUM_LENGTH = 256;
    /** Shorter local parts ("jo@...") occur inside too many good passwords to forbid them. */
    private static final int SHORTEST_LOCAL_PART_CHECKED = 3;

    private final int minimumLength;
    private final int maximumLength;
    private final CommonPasswords commonPasswords;

    public PasswordPolicy(int minimumLength, int maximumLength, CommonPasswords commonPasswords) {
        if (minimumLength < DEFAULT_MINIMUM_LENGTH) {
            throw new IllegalArgumentException(
                    "minimum length below " + DEFAULT_MINIMUM_LENGTH + " breaks NIST SP 800-63B");
        }
        if (maximumLength < Math.max(64, minimumLength)) {
            throw new IllegalArgumentException("maximum length must allow at least 64 characters and the minimum");
        }
        this.minimumLength = minimumLength;
        this.maximumLength = maximumLength;
        this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
    }

    /**
     * The one form a password is measured, hashed and verified in, so that the same password typed on
     * another keyboard (composed vs decomposed accents, full-width digits) still matches.
     */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Every reason the password is refused for this user; empty when it is acceptable. */
    public List<PasswordRejection> check(String password, Username username, EmailAddress email) {
        String normalized = normalize(Objects.requireNonNull(password, "password"));
        int length = normalized.codePointCount(0, normalized.length());
        List<PasswordRejection> rejections = new ArrayList<>();
        if (length < minimumLength) {
            rejections.add(new PasswordRejection.TooShort(minimumLength));
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

    public int minimumLength() {
        return minimumLength;
    }

    public int maximumLength() {
        return maximumLength;
    }
}
