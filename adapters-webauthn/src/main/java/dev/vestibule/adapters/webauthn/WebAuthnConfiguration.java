package dev.vestibule.adapters.webauthn;

import dev.vestibule.domain.model.passkey.RelyingParty;
import dev.vestibule.domain.port.out.PasskeyVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The WebAuthn adapter's beans: the {@link PasskeyVerifier} on webauthn4j for the {@link RelyingParty} bootstrap
 * derives from the public URL, and the threads it verifies on. Spring Security has passkeys for the servlet stack
 * only; its relying-party code is synchronous, so the reactive application drives webauthn4j itself.
 */
@Configuration(proxyBeanMethods = false)
public class WebAuthnConfiguration {

    /** Reactor's own default for bounded-elastic workers: an idle thread ends after a minute. */
    private static final int IDLE_SECONDS = 60;

    /**
     * Waiting verifications per thread before new ones fail fast. One takes milliseconds (measured on a busy 2-core
     * machine, thread hop included: an assertion 7 ms median, a registration 15 ms), so a full queue is seconds of
     * work.
     */
    private static final int QUEUE_PER_THREAD = 256;

    /**
     * Signature checks are CPU work: as many threads as cores, never the event loop, and a bounded queue, beyond
     * which a ceremony fails instead of piling up.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler passkeyVerificationScheduler() {
        return Schedulers.newBoundedElastic(
                Runtime.getRuntime().availableProcessors(), QUEUE_PER_THREAD, "passkey-verification", IDLE_SECONDS);
    }

    @Bean
    PasskeyVerifier passkeyVerifier(RelyingParty relyingParty, Scheduler passkeyVerificationScheduler) {
        return new Webauthn4jPasskeyVerifier(relyingParty, passkeyVerificationScheduler);
    }
}
