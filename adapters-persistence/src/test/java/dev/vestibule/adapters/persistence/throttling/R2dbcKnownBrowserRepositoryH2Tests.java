package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The known-browser contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcKnownBrowserRepositoryH2Tests extends R2dbcKnownBrowserRepositoryContract {}
