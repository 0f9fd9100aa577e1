package dev.vestibule.adapters.persistence.linktoken;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The link-token contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcLinkTokensH2Tests extends R2dbcLinkTokensContract {}
