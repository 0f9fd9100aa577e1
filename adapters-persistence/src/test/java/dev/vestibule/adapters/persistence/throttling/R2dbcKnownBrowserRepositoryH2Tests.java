package dev.vestibule.adapters.persistence.throttling;

import dev.vestibule.adapters.persistence.H2TestDatabase;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;

/** The known-browser contract against embedded H2, with the schema Flyway builds from db/migration/h2. */
@DataR2dbcTest(properties = {H2TestDatabase.R2DBC_URL, H2TestDatabase.R2DBC_USERNAME,
        H2TestDatabase.FLYWAY_URL, H2TestDatabase.FLYWAY_USER})
class R2dbcKnownBrowserRepositoryH2Tests extends R2dbcKnownBrowserRepositoryContract {
}
