package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The remembered-device contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcRememberedBrowserRepositoryIT extends R2dbcRememberedBrowserRepositoryContract {}
