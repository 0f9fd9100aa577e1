package dev.vestibule.adapters.persistence;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code spring.r2dbc.url} names the PostgreSQL driver ({@code r2dbc:postgresql:...}, also
 * behind {@code r2dbc:pool:}), as the {@code postgres} profile sets it. The embedded default (H2), or no
 * URL at all, does not match.
 */
class OnPostgresqlUrl extends SpringBootCondition {

    static final String URL_PROPERTY = "spring.r2dbc.url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return ConditionOutcome.noMatch(URL_PROPERTY + " is not set");
        }
        ConnectionFactoryOptions options;
        try {
            options = ConnectionFactoryOptions.parse(url);
        } catch (IllegalArgumentException malformed) {
            // Boot's own R2DBC configuration reports it; this only declines.
            return ConditionOutcome.noMatch(URL_PROPERTY + " is not an R2DBC URL");
        }
        return namesPostgresql(options)
                ? ConditionOutcome.match(URL_PROPERTY + " names the PostgreSQL driver")
                : ConditionOutcome.noMatch(URL_PROPERTY + " names another driver");
    }

    static boolean namesPostgresql(ConnectionFactoryOptions options) {
        Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
        Object protocol = options.getValue(ConnectionFactoryOptions.PROTOCOL);
        return isPostgresql(driver) || ("pool".equals(driver) && isPostgresql(protocol));
    }

    private static boolean isPostgresql(Object name) {
        return "postgresql".equals(name) || "postgres".equals(name);
    }
}
