package dev.vestibule.domain.model.passkey;

import java.util.Optional;

/** What the user calls a passkey ("Laptop", "Phone"): 1 to 64 printable characters, blanks at the ends dropped. */
public final class PasskeyName {

    public static final int MAX_LENGTH = 64;

    private PasskeyName() {}

    /** The name as it will be stored, or empty when {@code typed} is blank, too long or holds control characters. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip();
        if (name.isEmpty()
                || name.codePointCount(0, name.length()) > MAX_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** A name the user gave, or the default one when they gave none (or one that cannot be stored). */
    public static String orDefault(String typed, String fallback) {
        return parse(typed).orElse(fallback);
    }
}
