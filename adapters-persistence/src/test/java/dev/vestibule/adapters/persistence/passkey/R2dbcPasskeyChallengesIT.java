package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcPasskeyChallengesIT extends R2dbcPasskeyChallengesContract {}
