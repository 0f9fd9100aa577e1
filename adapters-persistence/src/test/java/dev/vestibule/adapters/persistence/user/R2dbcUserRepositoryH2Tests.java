package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.H2TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;

/** The user contract against embedded H2, with the schema Flyway builds from db/migration/h2. */
@DataR2dbcTest(properties = {H2TestDatabase.R2DBC_URL, H2TestDatabase.R2DBC_USERNAME,
        H2TestDatabase.FLYWAY_URL, H2TestDatabase.FLYWAY_USER})
class R2dbcUserRepositoryH2Tests extends R2dbcUserRepositoryContract {

    /** H2 cannot tell other instances' changes (no LISTEN/NOTIFY), and the embedded default is one instance. */
    @Test
    void onH2ThereIsNoUserCache() {
        assertThat(repository).isNotInstanceOf(CachingUserRepository.class);
    }
}
