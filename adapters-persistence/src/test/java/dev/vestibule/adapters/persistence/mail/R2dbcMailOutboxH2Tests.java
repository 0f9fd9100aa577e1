package dev.vestibule.adapters.persistence.mail;

import dev.vestibule.adapters.persistence.H2DataR2dbcTest;

/** The outbox contract against embedded H2 (claims by conditional UPDATE), with the schema from db/migration/{common,h2}. */
@H2DataR2dbcTest
class R2dbcMailOutboxH2Tests extends R2dbcMailOutboxContract {}
