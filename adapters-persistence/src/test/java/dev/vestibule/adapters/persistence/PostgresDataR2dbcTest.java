package dev.vestibule.adapters.persistence;

import dev.vestibule.adapters.persistence.testing.PostgresTestDatabase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@code @DataR2dbcTest} against the test JVM's PostgreSQL database ({@link PostgresTestDatabase#shared()}):
 * R2DBC and Flyway point at it, and Flyway builds the schema from db/migration/common
 * and db/migration/postgresql.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DataR2dbcTest
@ContextConfiguration(initializers = PostgresDataR2dbcTest.SharedDatabase.class)
public @interface PostgresDataR2dbcTest {

    /** Puts the shared database's connection properties in front of every other property source. */
    final class SharedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "postgresTestDatabase",
                            new LinkedHashMap<>(PostgresTestDatabase.shared().springProperties())));
        }
    }
}
