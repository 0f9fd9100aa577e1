package dev.vestibule.adapters.persistence.passkey;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcPasskeyChallengesH2Tests extends R2dbcPasskeyChallengesContract {}
