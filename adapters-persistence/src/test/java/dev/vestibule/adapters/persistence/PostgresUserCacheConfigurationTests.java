package dev.vestibule.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.user.PostgresUserChangeListener;
import dev.vestibule.adapters.persistence.user.UserCache;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The cache exists with the PostgreSQL driver only, and can be switched off. */
class PostgresUserCacheConfigurationTests {

    // Port 1 refuses at once: the listener's attempts fail quietly in the background while the context lives.
    private static final String POSTGRESQL_URL = "r2dbc:postgresql://vestibule@127.0.0.1:1/vestibule";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PostgresUserCacheConfiguration.class)
            .withBean(R2dbcConnectionDetails.class, () -> () -> ConnectionFactoryOptions.parse(POSTGRESQL_URL));

    @Test
    void withThePostgresqlDriverThereIsACacheAndItsListener() {
        context.withPropertyValues("spring.r2dbc.url=" + POSTGRESQL_URL).run(started -> {
            assertThat(started).hasSingleBean(UserCache.class).hasSingleBean(PostgresUserChangeListener.class);
            assertThat(started.getBean(UserCache.class).serving())
                    .as("not before LISTEN is confirmed")
                    .isFalse();
        });
    }

    @Test
    void withThePostgresqlDriverBehindThePoolPrefixThereIsACache() {
        context.withPropertyValues("spring.r2dbc.url=r2dbc:pool:postgresql://127.0.0.1:1/vestibule")
                .run(started -> assertThat(started).hasSingleBean(UserCache.class));
    }

    @Test
    void withH2ThereIsNone() {
        context.withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///vestibule")
                .run(started -> assertThat(started)
                        .doesNotHaveBean(UserCache.class)
                        .doesNotHaveBean(PostgresUserChangeListener.class));
    }

    @Test
    void withoutAnR2dbcUrlThereIsNone() {
        context.run(started -> assertThat(started).doesNotHaveBean(UserCache.class));
    }

    @Test
    void whenDisabledThereIsNoneEvenWithPostgresql() {
        context.withPropertyValues("spring.r2dbc.url=" + POSTGRESQL_URL, "vestibule.user-cache.enabled=false")
                .run(started -> assertThat(started)
                        .doesNotHaveBean(UserCache.class)
                        .doesNotHaveBean(PostgresUserChangeListener.class));
    }

    @Test
    void theListenerConnectionKeepsTheApplicationsDatabaseAndNamesItself() {
        var options = ConnectionFactoryOptions.parse("r2dbc:postgresql://vestibule:secret@db.internal:6543/users");

        var connections = PostgresUserCacheConfiguration.listenerConnections(options);

        // The factory's configuration is not public; its description lists the settings, the password masked.
        // (That the credentials carry over, the integration tests show by connecting.)
        assertThat(connections.toString())
                .contains(
                        "host='db.internal'",
                        "port=6543",
                        "database='users'",
                        "applicationName='" + PostgresUserCacheConfiguration.LISTENER_APPLICATION_NAME + "'",
                        "tcpKeepAlive=true",
                        "connectTimeout=PT1S")
                .doesNotContain("secret");
    }
}
