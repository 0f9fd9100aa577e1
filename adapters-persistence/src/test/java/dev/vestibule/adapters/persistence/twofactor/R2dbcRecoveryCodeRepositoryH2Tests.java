package dev.vestibule.adapters.persistence.twofactor;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The recovery-code contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcRecoveryCodeRepositoryH2Tests extends R2dbcRecoveryCodeRepositoryContract {}
