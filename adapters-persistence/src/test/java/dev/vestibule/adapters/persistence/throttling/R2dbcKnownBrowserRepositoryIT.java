package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The known-browser contract against PostgreSQL, with the schema Flyway builds from db/migration/postgresql. */
@DataR2dbcTest
class R2dbcKnownBrowserRepositoryIT extends R2dbcKnownBrowserRepositoryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.shared().registerSpringProperties(registry);
    }
}
