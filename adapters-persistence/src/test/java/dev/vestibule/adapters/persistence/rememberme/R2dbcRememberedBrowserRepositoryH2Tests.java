package dev.vestibule.adapters.persistence.rememberme;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The remembered-device contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcRememberedBrowserRepositoryH2Tests extends R2dbcRememberedBrowserRepositoryContract {}
