package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The user contract against PostgreSQL, with the schema Flyway builds from db/migration/postgresql, through
 * the per-instance cache as the application wires it there.
 */
@DataR2dbcTest
class R2dbcUserRepositoryIT extends R2dbcUserRepositoryContract {

    @Test
    void onPostgresqlLookupsByIdGoThroughTheUserCache() {
        assertThat(repository).isInstanceOf(CachingUserRepository.class);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.shared().registerSpringProperties(registry);
    }
}
