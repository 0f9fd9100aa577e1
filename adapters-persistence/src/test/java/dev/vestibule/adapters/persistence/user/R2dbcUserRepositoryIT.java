package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;
import org.junit.jupiter.api.Test;

/**
 * The user contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}, through
 * the per-instance cache as the application wires it there.
 */
@PostgresDataR2dbcTest
class R2dbcUserRepositoryIT extends R2dbcUserRepositoryContract {

    @Test
    void onPostgresqlLookupsByIdGoThroughTheUserCache() {
        assertThat(repository).isInstanceOf(CachingUserRepository.class);
    }
}
