package dev.vestibule.adapters.persistence.event;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The security-event contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcSecurityEventLogIT extends R2dbcSecurityEventLogContract {}
