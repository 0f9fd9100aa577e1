package dev.vestibule.bootstrap;

import dev.vestibule.adapters.webauthn.WebAuthnConfiguration;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.passkey.PasskeyEnrolments;
import dev.vestibule.application.passkey.PasskeyManagementService;
import dev.vestibule.application.passkey.PasskeyRegistrationService;
import dev.vestibule.application.passkey.PasskeySettings;
import dev.vestibule.application.passkey.PasskeySignInService;
import dev.vestibule.bootstrap.metrics.MeteredSecurityEventLog;
import dev.vestibule.domain.model.passkey.RelyingParty;
import dev.vestibule.domain.port.in.BeginPasskeyRegistration;
import dev.vestibule.domain.port.in.BeginPasskeySignIn;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.FinishPasskeyRegistration;
import dev.vestibule.domain.port.in.FinishPasskeySignIn;
import dev.vestibule.domain.port.in.RemovePasskey;
import dev.vestibule.domain.port.in.RenamePasskey;
import dev.vestibule.domain.port.in.ViewPasskeys;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.PasskeyVerifier;
import dev.vestibule.domain.port.out.SecondFactorEnrolments;
import dev.vestibule.domain.port.out.SecurityEventLog;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * issue 14: passkey. The passkey use cases over the database's stores and the WebAuthn adapter, for the relying
 * party of {@code vestibule.public-url}; the passkeys' part of a user's second factors; and the purge of the
 * challenges that abandoned ceremonies leave. The services hold no state and implement several in-ports each, so every in-port bean is one method of its own
 * instance (a bean of the whole service would match each of its in-ports, and injection by in-port would be ambiguous).
 */
@Configuration(proxyBeanMethods = false)
@Import(WebAuthnConfiguration.class)
class PasskeyConfiguration {

    /** What authenticators show next to the passkey. */
    static final String RELYING_PARTY_NAME = "Vestibule";

    @Bean
    RelyingParty relyingParty(VestibuleProperties properties) {
        return RelyingParty.forPublicUrl(properties.publicUrl(), RELYING_PARTY_NAME);
    }

    @Bean
    PasskeySettings passkeySettings(RelyingParty relyingParty) {
        return new PasskeySettings(relyingParty);
    }

    /** A password sign-in of a user with a passkey goes on to the second step. */
    @Bean
    SecondFactorEnrolments passkeyEnrolments(PasskeyRepository passkeys) {
        return new PasskeyEnrolments(passkeys);
    }

    /** The metered log, as the other use cases record through: a passkey sign-in counts as a login. */
    private static SecurityEvents events(
            SecurityEventLog log, MeterRegistry meterRegistry, Clock clock, VestibuleProperties properties) {
        return new SecurityEvents(
                new MeteredSecurityEventLog(log, meterRegistry),
                clock,
                properties.throttling().throttledBurstPeriod());
    }

    /** The out-ports every passkey use case may need, gathered so the bean methods stay short. */
    record Stores(
            UserRepository users,
            PasskeyRepository passkeys,
            PasskeyChallenges challenges,
            PasskeyVerifier verifier,
            MailOutbox outbox,
            Transactions transactions,
            AttemptLimiter limiter,
            SecurityEvents events) {}

    @Bean
    Stores passkeyStores(
            UserRepository users,
            PasskeyRepository passkeys,
            PasskeyChallenges challenges,
            PasskeyVerifier verifier,
            MailOutbox outbox,
            Transactions transactions,
            AttemptLimiter limiter,
            SecurityEventLog log,
            MeterRegistry meterRegistry,
            Clock clock,
            VestibuleProperties properties) {
        return new Stores(
                users,
                passkeys,
                challenges,
                verifier,
                outbox,
                transactions,
                limiter,
                events(log, meterRegistry, clock, properties));
    }

    private static PasskeyRegistrationService registration(
            Stores stores,
            ConfirmCurrentPassword confirmCurrentPassword,
            PasskeySettings settings,
            Clock clock,
            SecureRandom random) {
        return new PasskeyRegistrationService(
                confirmCurrentPassword,
                stores.users(),
                stores.passkeys(),
                stores.challenges(),
                stores.verifier(),
                stores.outbox(),
                stores.transactions(),
                stores.events(),
                settings,
                clock,
                random);
    }

    @Bean
    BeginPasskeyRegistration beginPasskeyRegistration(
            Stores passkeyStores,
            ConfirmCurrentPassword confirmCurrentPassword,
            PasskeySettings settings,
            Clock clock,
            SecureRandom random) {
        return registration(passkeyStores, confirmCurrentPassword, settings, clock, random)::begin;
    }

    @Bean
    FinishPasskeyRegistration finishPasskeyRegistration(
            Stores passkeyStores,
            ConfirmCurrentPassword confirmCurrentPassword,
            PasskeySettings settings,
            Clock clock,
            SecureRandom random) {
        return registration(passkeyStores, confirmCurrentPassword, settings, clock, random)::finish;
    }

    private static PasskeyManagementService management(
            Stores stores, ConfirmCurrentPassword confirmCurrentPassword, Clock clock) {
        return new PasskeyManagementService(
                stores.passkeys(),
                confirmCurrentPassword,
                stores.users(),
                stores.outbox(),
                stores.transactions(),
                stores.events(),
                clock);
    }

    @Bean
    ViewPasskeys viewPasskeys(Stores passkeyStores, ConfirmCurrentPassword confirmCurrentPassword, Clock clock) {
        return management(passkeyStores, confirmCurrentPassword, clock)::of;
    }

    @Bean
    RenamePasskey renamePasskey(Stores passkeyStores, ConfirmCurrentPassword confirmCurrentPassword, Clock clock) {
        return management(passkeyStores, confirmCurrentPassword, clock)::rename;
    }

    @Bean
    RemovePasskey removePasskey(Stores passkeyStores, ConfirmCurrentPassword confirmCurrentPassword, Clock clock) {
        return management(passkeyStores, confirmCurrentPassword, clock)::remove;
    }

    private static PasskeySignInService signIn(
            Stores stores, PasskeySettings settings, VestibuleProperties properties, Clock clock, SecureRandom random) {
        return new PasskeySignInService(
                stores.passkeys(),
                stores.challenges(),
                stores.verifier(),
                stores.users(),
                stores.limiter(),
                properties.throttling().policy(),
                stores.events(),
                settings,
                clock,
                random);
    }

    @Bean
    BeginPasskeySignIn beginPasskeySignIn(
            Stores passkeyStores,
            PasskeySettings settings,
            VestibuleProperties properties,
            Clock clock,
            SecureRandom random) {
        return signIn(passkeyStores, settings, properties, clock, random)::begin;
    }

    @Bean
    FinishPasskeySignIn finishPasskeySignIn(
            Stores passkeyStores,
            PasskeySettings settings,
            VestibuleProperties properties,
            Clock clock,
            SecureRandom random) {
        return signIn(passkeyStores, settings, properties, clock, random)::finish;
    }

    /** Every instance deletes the expired challenges as often as the retention purge runs. */
    @Bean
    PasskeyChallengePurge passkeyChallengePurge(
            PasskeyChallenges challenges, Clock clock, VestibuleProperties properties) {
        return new PasskeyChallengePurge(
                challenges, clock, properties.retention().purgeInterval());
    }
}
