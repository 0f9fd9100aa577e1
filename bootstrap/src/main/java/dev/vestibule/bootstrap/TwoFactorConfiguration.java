package dev.vestibule.bootstrap;

import dev.vestibule.adapters.crypto.twofactor.AesGcmSecretCipher;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.twofactor.AuthenticatorAppEnrolments;
import dev.vestibule.application.twofactor.AuthenticatorAppService;
import dev.vestibule.application.twofactor.PassSecondStepService;
import dev.vestibule.bootstrap.metrics.MeteredSecurityEventLog;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.AuthenticatorAppOffer;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.DisableAuthenticatorApp;
import dev.vestibule.domain.port.in.EnableAuthenticatorApp;
import dev.vestibule.domain.port.in.OfferAuthenticatorApp;
import dev.vestibule.domain.port.in.PassSecondStep;
import dev.vestibule.domain.port.in.RegenerateRecoveryCodes;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import dev.vestibule.domain.port.out.SecretCipher;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;

/**
 * Issue 14: the authenticator app, recovery codes and the second step of a sign-in. The cipher's key follows the
 * database: wherever the database outlives the process the key must be configured (and be the same on every
 * instance); with the embedded in-memory H2 default a key drawn at start is enough, since every sealed secret dies
 * with the process too.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorConfiguration {

    @Bean
    SecretCipher twoFactorSecretCipher(VestibuleProperties properties, Environment environment) {
        VestibuleProperties.TwoFactor twoFactor = properties.twoFactor();
        if (!twoFactor.encryptionKey().isBlank()) {
            return AesGcmSecretCipher.withKeys(twoFactor.encryptionKey(), twoFactor.previousKeys());
        }
        String url = environment.getProperty("spring.r2dbc.url", "");
        if (url.startsWith("r2dbc:h2:mem:")) {
            return AesGcmSecretCipher.withGeneratedKey();
        }
        throw new IllegalStateException("vestibule.two-factor.encryption-key (VESTIBULE_TWO_FACTOR_ENCRYPTION_KEY) is"
                + " required with a database that outlives the process: the authenticator-app secrets are stored"
                + " encrypted with it, the same key on every instance, of at least "
                + AesGcmSecretCipher.MINIMUM_KEY_LENGTH + " characters (openssl rand -base64 48)."
                + " See docs/operations.md, \"Two-factor encryption key\".");
    }

    /** The same metered log as the other use cases: a second step's LOGIN_SUCCEEDED counts as a login. */
    @Bean
    SecurityEvents twoFactorSecurityEvents(
            SecurityEventLog log, MeterRegistry meterRegistry, VestibuleProperties properties, Clock clock) {
        return new SecurityEvents(
                new MeteredSecurityEventLog(log, meterRegistry),
                clock,
                properties.throttling().throttledBurstPeriod());
    }

    /**
     * The one service behind the four in-ports of the app's lifecycle, held by a type that is none of them: each
     * in-port bean below is then the only bean of its type (the service itself implements all four).
     */
    record AuthenticatorAppUseCases(AuthenticatorAppService service) {}

    @Bean
    AuthenticatorAppUseCases authenticatorAppUseCases(
            UserRepository users,
            AuthenticatorAppRepository apps,
            RecoveryCodeRepository recoveryCodes,
            SecretCipher twoFactorSecretCipher,
            ConfirmCurrentPassword confirmCurrentPassword,
            Transactions transactions,
            MailOutbox outbox,
            SecurityEvents twoFactorSecurityEvents,
            Clock clock,
            SecureRandom random) {
        return new AuthenticatorAppUseCases(new AuthenticatorAppService(
                users,
                apps,
                recoveryCodes,
                twoFactorSecretCipher,
                confirmCurrentPassword,
                transactions,
                outbox,
                twoFactorSecurityEvents,
                clock,
                random));
    }

    @Bean
    OfferAuthenticatorApp offerAuthenticatorApp(AuthenticatorAppUseCases useCases) {
        AuthenticatorAppService service = useCases.service();
        return new OfferAuthenticatorApp() {
            @Override
            public Mono<AuthenticatorAppOffer> offer(UserId userId) {
                return service.offer(userId);
            }

            @Override
            public Mono<AuthenticatorAppOffer> offered(UserId userId, String sealedSecret) {
                return service.offered(userId, sealedSecret);
            }
        };
    }

    @Bean
    EnableAuthenticatorApp enableAuthenticatorApp(AuthenticatorAppUseCases useCases) {
        return useCases.service()::enable;
    }

    @Bean
    DisableAuthenticatorApp disableAuthenticatorApp(AuthenticatorAppUseCases useCases) {
        return useCases.service()::disable;
    }

    @Bean
    RegenerateRecoveryCodes regenerateRecoveryCodes(AuthenticatorAppUseCases useCases) {
        return useCases.service()::regenerate;
    }

    @Bean
    PassSecondStep passSecondStep(
            UserRepository users,
            AuthenticatorAppRepository apps,
            RecoveryCodeRepository recoveryCodes,
            SecretCipher twoFactorSecretCipher,
            AttemptLimiter limiter,
            Transactions transactions,
            MailOutbox outbox,
            SecurityEvents twoFactorSecurityEvents,
            VestibuleProperties properties,
            Clock clock) {
        return new PassSecondStepService(
                users,
                apps,
                recoveryCodes,
                twoFactorSecretCipher,
                limiter,
                properties.twoFactor().secondStepLimit(),
                transactions,
                outbox,
                twoFactorSecurityEvents,
                clock);
    }

    /** This store's part of the second factors: LoadSecondFactors adds every such bean up. */
    @Bean
    SecondFactorEnrolments authenticatorAppEnrolments(
            AuthenticatorAppRepository apps, RecoveryCodeRepository recoveryCodes) {
        return new AuthenticatorAppEnrolments(apps, recoveryCodes);
    }
}
