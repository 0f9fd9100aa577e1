package dev.vestibule.adapters.persistence.linktoken;

import dev.vestibule.adapters.persistence.PostgresDataR2dbcTest;

/**
 * The link-token contract against PostgreSQL, with the schema Flyway builds from db/migration/{common,postgresql}:
 * among others, sixteen concurrent spends of one link, of which exactly one wins.
 */
@PostgresDataR2dbcTest
class R2dbcLinkTokensIT extends R2dbcLinkTokensContract {}
