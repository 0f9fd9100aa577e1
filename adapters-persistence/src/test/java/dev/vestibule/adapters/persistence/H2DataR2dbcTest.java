package dev.vestibule.adapters.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;

/**
 * A {@code @DataR2dbcTest} against an in-memory H2 database shared by R2DBC and Flyway's JDBC connection, as the
 * embedded default runs it: both name the same database, which {@code DB_CLOSE_DELAY=-1} keeps alive between
 * connections (Flyway closes its own before the application's first query). Flyway builds the schema from
 * db/migration/common and db/migration/h2.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DataR2dbcTest(
        properties = {
            "spring.r2dbc.url=r2dbc:h2:mem:///vestibule_h2_tests?options=DB_CLOSE_DELAY=-1",
            "spring.r2dbc.username=sa",
            "spring.flyway.url=jdbc:h2:mem:vestibule_h2_tests;DB_CLOSE_DELAY=-1",
            "spring.flyway.user=sa"
        })
public @interface H2DataR2dbcTest {}
