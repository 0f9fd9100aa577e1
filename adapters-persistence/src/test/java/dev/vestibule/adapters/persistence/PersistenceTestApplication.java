package dev.vestibule.adapters.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application the {@code @DataR2dbcTest} slices start: the adapter's configuration as bootstrap
 * imports it, plus Flyway, which the slice leaves out but the adapter's schema depends on. The
 * auto-configuration package is what {@code @SpringBootApplication} would declare; Spring Data needs one.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@Import(PersistenceConfiguration.class)
class PersistenceTestApplication {}
