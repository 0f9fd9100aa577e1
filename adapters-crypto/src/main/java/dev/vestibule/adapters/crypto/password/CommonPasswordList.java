package dev.vestibule.adapters.crypto.password;

import dev.vestibule.domain.model.password.CommonPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The blocklist for new passwords: the 30,000 most common passwords from breach corpora, as ranked and
 * shipped by zxcvbn4j (MIT). Read once at startup; a missing list is a packaging error, so it fails fast.
 */
public final class CommonPasswordList {

    public static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private CommonPasswordList() {}

    public static CommonPasswords load() {
        try (InputStream stream = CommonPasswordList.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("common password list missing from the classpath: " + RESOURCE);
            }
            List<String> passwords = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
            return CommonPasswords.of(passwords);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
