package dev.vestibule.domain.model.user;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A public handle: 3 to 32 ASCII letters, digits, dots, underscores or hyphens, unique ignoring case.
 * ASCII only, so that no two usernames look alike on screen (no homoglyphs) and no '@' makes it
 * ambiguous with an email address at login.
 */
public record Username(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    public Username {
        Objects.requireNonNull(value, "value");
        if (!isAcceptable(value)) {
            throw new IllegalArgumentException("not a valid username");
        }
    }

    /** Trims surrounding blanks (a common slip when pasting) and checks the rules. */
    public static Validated<Username, UsernameRejection> parse(String raw) {
        String candidate = raw == null ? "" : raw.strip();
        if (candidate.isEmpty()) {
            return Validated.invalid(new UsernameRejection.Missing());
        }
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            return Validated.invalid(new UsernameRejection.WrongLength(MIN_LENGTH, MAX_LENGTH));
        }
        if (!ALLOWED.matcher(candidate).matches()) {
            return Validated.invalid(new UsernameRejection.ForbiddenCharacters());
        }
        return Validated.valid(new Username(candidate));
    }

    private static boolean isAcceptable(String value) {
        return value.length() >= MIN_LENGTH
                && value.length() <= MAX_LENGTH
                && ALLOWED.matcher(value).matches();
    }

    /** The form two usernames are compared in: "Alice" and "alice" are the same user. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(Username other) {
        return canonical().equals(other.canonical());
    }

    @Override
    public String toString() {
        return value;
    }
}
