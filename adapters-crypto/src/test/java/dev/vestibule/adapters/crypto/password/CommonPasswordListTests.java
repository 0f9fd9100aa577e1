package dev.vestibule.adapters.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.password.CommonPasswords;
import org.junit.jupiter.api.Test;

/** The blocklist is zxcvbn4j's ranked list, read from its jar: the most guessed passwords are on it, ignoring case. */
class CommonPasswordListTests {

    private final CommonPasswords list = CommonPasswordList.load();

    @Test
    void theMostGuessedPasswordsAreOnTheList() {
        assertThat(list.contains("123456")).isTrue();
        assertThat(list.contains("password")).isTrue();
        assertThat(list.contains("qwerty")).isTrue();
    }

    @Test
    void theListIsComparedIgnoringCase() {
        assertThat(list.contains("PassWord")).isTrue();
    }

    @Test
    void aLongRandomPasswordIsNotOnTheList() {
        assertThat(list.contains("correct horse battery staple 7Qz")).isFalse();
    }
}
