package dev.vestibule.bootstrap;

import dev.vestibule.adapters.persistence.PersistenceConfiguration;
import dev.vestibule.adapters.web.WebConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Vestibule: the Flask-Login user system as a horizontally scalable Spring service. */
// Users come from our own database through LogIn; Boot's generated in-memory user must not exist.
@SpringBootApplication(
        excludeName = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration")
@EnableConfigurationProperties(VestibuleProperties.class)
@Import({WebConfiguration.class, PersistenceConfiguration.class})
public class VestibuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(VestibuleApplication.class, args);
    }
}
