package dev.vestibule.adapters.persistence;

/**
 * Properties for an in-memory H2 database shared by R2DBC and Flyway's JDBC connection, as the embedded
 * default runs it: both name the same database, which {@code DB_CLOSE_DELAY=-1} keeps alive between
 * connections (Flyway closes its own before the application's first query).
 */
public final class H2TestDatabase {

    public static final String R2DBC_URL = "spring.r2dbc.url=r2dbc:h2:mem:///vestibule_h2_tests?options=DB_CLOSE_DELAY=-1";
    public static final String R2DBC_USERNAME = "spring.r2dbc.username=sa";
    public static final String FLYWAY_URL = "spring.flyway.url=jdbc:h2:mem:vestibule_h2_tests;DB_CLOSE_DELAY=-1";
    public static final String FLYWAY_USER = "spring.flyway.user=sa";

    private H2TestDatabase() {
    }
}
