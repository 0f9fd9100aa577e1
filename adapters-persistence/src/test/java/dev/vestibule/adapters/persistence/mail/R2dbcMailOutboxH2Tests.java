package dev.vestibule.adapters.persistence.mail;

import dev.vestibule.adapters.persistence.H2TestDatabase;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;

/** The outbox contract against embedded H2 (claims by conditional UPDATE), with the schema from db/migration/h2. */
@DataR2dbcTest(properties = {H2TestDatabase.R2DBC_URL, H2TestDatabase.R2DBC_USERNAME,
        H2TestDatabase.FLYWAY_URL, H2TestDatabase.FLYWAY_USER})
class R2dbcMailOutboxH2Tests extends R2dbcMailOutboxContract {
}
