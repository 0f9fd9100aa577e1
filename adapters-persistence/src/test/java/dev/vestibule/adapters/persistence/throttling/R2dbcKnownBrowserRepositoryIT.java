package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The known-browser contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcKnownBrowserRepositoryIT extends R2dbcKnownBrowserRepositoryContract {}
