package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/** The authenticator-app contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}. */
@PostgresDataR2dbcTest
class R2dbcAuthenticatorAppRepositoryIT extends R2dbcAuthenticatorAppRepositoryContract {}
