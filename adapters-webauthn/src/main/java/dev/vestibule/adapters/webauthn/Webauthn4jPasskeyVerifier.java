package dev.vestibule.adapters.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.vestibule.domain.model.passkey.AssertionClaim;
import dev.vestibule.domain.model.passkey.AssertionVerdict;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.NewCredential;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.RegistrationVerdict;
import dev.vestibule.domain.model.passkey.RelyingParty;
import dev.vestibule.domain.model.passkey.UserHandle;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@link dev.vestibule.domain.port.out.PasskeyVerifier} on webauthn4j: user verification and presence required, the
 * relying-party id and origins from the public URL, attestation not judged (we ask for "none": a passkey is trusted
 * because the signed-in user registered it, not because of who made it).
 *
 * <p>webauthn4j's own counter check is switched off: the domain decides about counters ({@link Passkey#use}), so the
 * suspected clone is recorded as such instead of as one more failed signature.
 */
final class Webauthn4jPasskeyVerifier implements dev.vestibule.domain.port.out.PasskeyVerifier {

    /** What the browser's options offer (ES256, EdDSA, RS256): the web adapter's creation options list the same. */
    static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final RelyingParty relyingParty;
    private final Set<Origin> origins;
    private final Scheduler scheduler;
    private final ObjectConverter objectConverter = new ObjectConverter();
    private final WebAuthnManager manager;

    Webauthn4jPasskeyVerifier(RelyingParty relyingParty, Scheduler scheduler) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.origins = relyingParty.origins().stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(objectConverter);
        this.manager.getAuthenticationDataVerifier().setMaliciousCounterValueHandler(authenticationObject -> {});
    }

    @Override
    public Mono<String> registrationChallenge(String responseJson) {
        return offloaded(() -> {
            RegistrationData data = manager.parseRegistrationResponseJSON(responseJson);
            if (data.getCollectedClientData() == null
                    || data.getCollectedClientData().getChallenge() == null) {
                return null;
            }
            return base64Url(data.getCollectedClientData().getChallenge().getValue());
        });
    }

    @Override
    public Mono<RegistrationVerdict> verifyRegistration(String responseJson, String challenge) {
        return offloaded(() -> {
                    RegistrationData data = manager.parseRegistrationResponseJSON(responseJson);
                    manager.verify(data, new RegistrationParameters(serverProperty(challenge), ALGORITHMS, true, true));
                    AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData =
                            Objects.requireNonNull(data.getAttestationObject()).getAuthenticatorData();
                    AttestedCredentialData credential =
                            Objects.requireNonNull(authenticatorData.getAttestedCredentialData());
                    List<String> transports = data.getTransports() == null
                            ? List.of()
                            : data.getTransports().stream()
                                    .map(AuthenticatorTransport::getValue)
                                    .sorted()
                                    .toList();
                    return (RegistrationVerdict) new RegistrationVerdict.Verified(new NewCredential(
                            CredentialId.of(credential.getCredentialId()),
                            base64Url(objectConverter.getCborMapper().writeValueAsBytes(credential.getCOSEKey())),
                            authenticatorData.getSignCount(),
                            transports,
                            authenticatorData.isFlagBE(),
                            authenticatorData.isFlagBS()));
                })
                .onErrorResume(
                        Webauthn4jPasskeyVerifier::refusedByWebauthn4j,
                        refused -> Mono.just(new RegistrationVerdict.Rejected()))
                .defaultIfEmpty(new RegistrationVerdict.Rejected());
    }

    @Override
    public Mono<AssertionClaim> readAssertion(String responseJson) {
        return offloaded(() -> {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            if (data.getCredentialId() == null
                    || data.getCredentialId().length == 0
                    || data.getCollectedClientData() == null
                    || data.getCollectedClientData().getChallenge() == null) {
                return null;
            }
            byte[] handle = data.getUserHandle();
            return new AssertionClaim(
                    CredentialId.of(data.getCredentialId()),
                    base64Url(data.getCollectedClientData().getChallenge().getValue()),
                    handle == null || handle.length == 0 ? Optional.empty() : Optional.of(UserHandle.of(handle)));
        });
    }

    @Override
    public Mono<AssertionVerdict> verifyAssertion(String responseJson, String challenge, Passkey passkey) {
        return offloaded(() -> {
                    AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
                    COSEKey key = objectConverter
                            .getCborMapper()
                            .readValue(Base64.getUrlDecoder().decode(passkey.publicKeyCose()), COSEKey.class);
                    var record = new CredentialRecordImpl(
                            new NoneAttestationStatement(),
                            true,
                            passkey.backupEligible(),
                            passkey.backedUp(),
                            passkey.signCount(),
                            new AttestedCredentialData(
                                    AAGUID.ZERO, passkey.credentialId().bytes(), key),
                            null,
                            null,
                            null,
                            null);
                    manager.verify(
                            data,
                            new AuthenticationParameters(
                                    serverProperty(challenge),
                                    record,
                                    List.of(passkey.credentialId().bytes()),
                                    true,
                                    true));
                    AuthenticatorData<?> authenticatorData = Objects.requireNonNull(data.getAuthenticatorData());
                    return (AssertionVerdict) new AssertionVerdict.Verified(
                            authenticatorData.getSignCount(),
                            authenticatorData.isFlagBE(),
                            authenticatorData.isFlagBS());
                })
                .onErrorResume(
                        Webauthn4jPasskeyVerifier::refusedByWebauthn4j,
                        refused -> Mono.just(new AssertionVerdict.Rejected()))
                .defaultIfEmpty(new AssertionVerdict.Rejected());
    }

    private ServerProperty serverProperty(String challenge) {
        return ServerProperty.builder()
                .origins(origins)
                .rpId(relyingParty.id())
                .challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(challenge)))
                .build();
    }

    /**
     * Runs webauthn4j on the verification threads. A response it cannot read is empty; one it reads but refuses is
     * the caller's business (a verdict).
     */
    private <T> Mono<T> offloaded(Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(scheduler)
                .onErrorResume(Webauthn4jPasskeyVerifier::unreadable, unreadable -> Mono.empty());
    }

    private static boolean unreadable(Throwable error) {
        return error instanceof DataConversionException
                || error instanceof IllegalArgumentException
                || error instanceof NullPointerException
                || error instanceof UnsupportedOperationException
                || error instanceof tools.jackson.core.JacksonException;
    }

    private static boolean refusedByWebauthn4j(Throwable error) {
        return error instanceof VerificationException;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
