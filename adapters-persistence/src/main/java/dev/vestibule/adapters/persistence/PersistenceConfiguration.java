package dev.vestibule.adapters.persistence;

import dev.vestibule.adapters.persistence.event.R2dbcSecurityEventLog;
import dev.vestibule.adapters.persistence.linktoken.R2dbcLinkTokens;
import dev.vestibule.adapters.persistence.mail.R2dbcMailOutbox;
import dev.vestibule.adapters.persistence.rememberme.R2dbcRememberedBrowserRepository;
import dev.vestibule.adapters.persistence.throttling.R2dbcKnownBrowserRepository;
import dev.vestibule.adapters.persistence.transaction.R2dbcTransactions;
import dev.vestibule.adapters.persistence.twofactor.R2dbcAuthenticatorAppRepository;
import dev.vestibule.adapters.persistence.twofactor.R2dbcRecoveryCodeRepository;
import dev.vestibule.adapters.persistence.user.CachingUserRepository;
import dev.vestibule.adapters.persistence.user.R2dbcUserRepository;
import dev.vestibule.adapters.persistence.user.UserCache;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The persistence adapter's beans, typed as the driven ports; the connection factory, database client,
 * transaction manager and Flyway come from Spring Boot's auto-configuration. Each is seen through
 * {@link DatabaseOutages}, so an unreachable database reaches the callers as the domain's outage. On
 * PostgreSQL, users are also kept in a per-instance cache ({@link PostgresUserCacheConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PostgresUserCacheConfiguration.class)
public class PersistenceConfiguration {

    @Bean
    UserRepository userRepository(
            DatabaseClient databaseClient,
            ReactiveTransactionManager transactionManager,
            ObjectProvider<UserCache> userCache) {
        UserRepository database = DatabaseOutages.translated(
                UserRepository.class,
                new R2dbcUserRepository(databaseClient, TransactionalOperator.create(transactionManager)));
        UserCache cache = userCache.getIfAvailable();
        return cache == null ? database : new CachingUserRepository(database, cache);
    }

    @Bean
    RememberedBrowserRepository rememberedBrowserRepository(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(
                RememberedBrowserRepository.class, new R2dbcRememberedBrowserRepository(databaseClient));
    }

    @Bean
    SecurityEventLog securityEventLog(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(SecurityEventLog.class, new R2dbcSecurityEventLog(databaseClient));
    }

    @Bean
    KnownBrowserRepository knownBrowserRepository(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(
                KnownBrowserRepository.class, new R2dbcKnownBrowserRepository(databaseClient));
    }

    @Bean
    MailOutbox mailOutbox(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(MailOutbox.class, new R2dbcMailOutbox(databaseClient));
    }

    // Link tokens (password reset, email confirmation).
    @Bean
    LinkTokens linkTokens(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(LinkTokens.class, new R2dbcLinkTokens(databaseClient));
    }

    // issue 14: twofactor
    @Bean
    AuthenticatorAppRepository authenticatorAppRepository(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(
                AuthenticatorAppRepository.class, new R2dbcAuthenticatorAppRepository(databaseClient));
    }

    @Bean
    RecoveryCodeRepository recoveryCodeRepository(DatabaseClient databaseClient) {
        return DatabaseOutages.translated(
                RecoveryCodeRepository.class, new R2dbcRecoveryCodeRepository(databaseClient));
    }

    /** Atomic over every port above: they all write through the one DatabaseClient, which joins the transaction. */
    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return DatabaseOutages.translated(
                Transactions.class, new R2dbcTransactions(TransactionalOperator.create(transactionManager)));
    }
}
