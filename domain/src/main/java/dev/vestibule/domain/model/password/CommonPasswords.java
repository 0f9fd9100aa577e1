package dev.vestibule.domain.model.password;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Passwords that attackers try first (breach corpora, frequency lists): never acceptable. */
@FunctionalInterface
public interface CommonPasswords {

    /** Whether the password, compared ignoring case, is on the list. */
    boolean contains(String password);

    static CommonPasswords none() {
        return password -> false;
    }

    static CommonPasswords of(Collection<String> passwords) {
        Set<String> lowerCased = passwords.stream()
                .map(password -> password.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        return password -> lowerCased.contains(password.toLowerCase(Locale.ROOT));
    }
}
