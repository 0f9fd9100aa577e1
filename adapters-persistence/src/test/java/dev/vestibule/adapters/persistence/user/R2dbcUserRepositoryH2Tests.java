package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;
import org.junit.jupiter.api.Test;

/** The user contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcUserRepositoryH2Tests extends R2dbcUserRepositoryContract {

    /** H2 cannot tell other instances' changes (no LISTEN/NOTIFY), and the embedded default is one instance. */
    @Test
    void onH2ThereIsNoUserCache() {
        assertThat(repository).isNotInstanceOf(CachingUserRepository.class);
    }
}
