package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The recovery-code contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcRecoveryCodeRepositoryIT extends R2dbcRecoveryCodeRepositoryContract {}
