package dev.vestibule.adapters.persistence;

import dev.vestibule.adapters.persistence.user.PostgresUserChangeListener;
import dev.vestibule.adapters.persistence.user.UserCache;
import dev.vestibule.adapters.persistence.user.UserCacheSettings;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The per-instance cache of signed-in users and the listener that keeps it true, on PostgreSQL only: H2,
 * the embedded default, has no LISTEN/NOTIFY, and one instance needs no cache to agree with others.
 * {@code vestibule.user-cache.enabled=false} turns it off (bootstrap binds and documents the
 * {@code vestibule.user-cache.*} settings, and hands over their values as {@link UserCacheSettings}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vestibule.user-cache.enabled", havingValue = "true", matchIfMissing = true)
@Conditional(OnPostgresqlUrl.class)
class PostgresUserCacheConfiguration {

    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String LISTENER_APPLICATION_NAME = "vestibule-user-cache";

    /** When the application's settings leave it open: a reconnection attempt must not hang on a dead host. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    UserCache userCache(ObjectProvider<UserCacheSettings> settings) {
        return new UserCache(settings.getIfAvailable(() -> UserCacheSettings.DEFAULT));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PostgresUserChangeListener postgresUserChangeListener(
            UserCache userCache, R2dbcConnectionDetails connectionDetails) {
        return new PostgresUserChangeListener(
                listenerConnections(connectionDetails.getConnectionFactoryOptions()),
                userCache,
                PostgresUserChangeListener.Timings.DEFAULT);
    }

    /**
     * The application's own database and credentials, for one connection outside the pool: a pooled connection
     * would be handed to other requests, and LISTEN belongs to the session that issued it.
     */
    static PostgresqlConnectionFactory listenerConnections(ConnectionFactoryOptions application) {
        PostgresqlConnectionConfiguration.Builder configuration = PostgresqlConnectionFactoryProvider.builder(
                        application)
                .applicationName(LISTENER_APPLICATION_NAME)
                // Lets the kernel, too, notice a peer that vanished; the heartbeat notices first.
                .tcpKeepAlive(true);
        if (!application.hasOption(ConnectionFactoryOptions.CONNECT_TIMEOUT)) {
            configuration.connectTimeout(CONNECT_TIMEOUT);
        }
        return new PostgresqlConnectionFactory(configuration.build());
    }
}
