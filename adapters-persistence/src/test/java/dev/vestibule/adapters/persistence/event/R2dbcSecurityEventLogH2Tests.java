package dev.vestibule.adapters.persistence.event;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The security-event contract against embedded H2, with the schema Flyway builds from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcSecurityEventLogH2Tests extends R2dbcSecurityEventLogContract {}
