package dev.vestibule.adapters.persistence.event;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The security-event contract against PostgreSQL, with the schema Flyway builds from db/migration/postgresql. */
@DataR2dbcTest
class R2dbcSecurityEventLogIT extends R2dbcSecurityEventLogContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.shared().registerSpringProperties(registry);
    }
}
