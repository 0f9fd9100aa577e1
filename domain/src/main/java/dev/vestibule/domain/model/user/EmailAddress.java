package dev.vestibule.domain.model.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address in its stored, normalized form: trimmed, Unicode NFC, lower case. Lower-casing the
 * local part is stricter than RFC 5321 allows in theory, but no mainstream provider distinguishes case
 * there, and comparing one canonical form is what makes "unique ignoring case" hold.
 *
 * <p>Syntax is the dot-atom form of RFC 5322 with a DNS host name: what people type, without quoted local
 * parts or IP literals, which real sign-ups never need and which are a favourite of injection payloads.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final Pattern LOCAL_PART =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!normalize(value).equals(value) || !isWellFormed(value)) {
            throw new IllegalArgumentException("not a normalized email address");
        }
    }

    public static Validated<EmailAddress, EmailRejection> parse(String raw) {
        String candidate = raw == null ? "" : normalize(raw);
        if (candidate.isEmpty()) {
            return Validated.invalid(new EmailRejection.Missing());
        }
        if (!isWellFormed(candidate)) {
            return Validated.invalid(new EmailRejection.Malformed());
        }
        return Validated.valid(new EmailAddress(candidate));
    }

    private static String normalize(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static boolean isWellFormed(String candidate) {
        int at = candidate.lastIndexOf('@');
        if (candidate.length() > MAX_LENGTH || at <= 0 || at == candidate.length() - 1) {
            return false;
        }
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        return local.length() <= MAX_LOCAL_PART_LENGTH
                && LOCAL_PART.matcher(local).matches()
                && DOMAIN.matcher(domain).matches();
    }

    /** The part before the '@': a password must not contain it. */
    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
