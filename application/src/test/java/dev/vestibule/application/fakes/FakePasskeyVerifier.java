package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.passkey.AssertionClaim;
import dev.vestibule.domain.model.passkey.AssertionVerdict;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.NewCredential;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.RegistrationVerdict;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.port.out.PasskeyVerifier;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A {@link PasskeyVerifier} that reads a response of its own, so that use-case tests say plainly what the
 * authenticator sent: {@code reg|challenge|credentialId|ok} and {@code get|challenge|credentialId|userHandle or
 * -|signCount|ok}; the last field {@code bad} makes the verification fail, anything else is malformed.
 */
public final class FakePasskeyVerifier implements PasskeyVerifier {

    public static String registration(String challenge, CredentialId credential, boolean valid) {
        return String.join("|", "reg", challenge, credential.value(), valid ? "ok" : "bad");
    }

    public static String assertion(
            String challenge, CredentialId credential, Optional<UserHandle> handle, long signCount, boolean valid) {
        return String.join(
                "|",
                "get",
                challenge,
                credential.value(),
                handle.map(UserHandle::value).orElse("-"),
                Long.toString(signCount),
                valid ? "ok" : "bad");
    }

    /** What the web tests send: the same text inside a JSON object, {@code {"fake":"reg|..."}}, as a browser's is. */
    private static String unwrap(String response) {
        String prefix = "{\"fake\":\"";
        if (response.startsWith(prefix) && response.endsWith("\"}")) {
            return response.substring(prefix.length(), response.length() - 2);
        }
        return response;
    }

    @Override
    public Mono<String> registrationChallenge(String responseJson) {
        String[] parts = unwrap(responseJson).split("\\|");
        return parts.length == 4 && parts[0].equals("reg") ? Mono.just(parts[1]) : Mono.empty();
    }

    @Override
    public Mono<RegistrationVerdict> verifyRegistration(String responseJson, String challenge) {
        String[] parts = unwrap(responseJson).split("\\|");
        if (!parts[1].equals(challenge) || !parts[3].equals("ok")) {
            return Mono.just(new RegistrationVerdict.Rejected());
        }
        return Mono.just(new RegistrationVerdict.Verified(
                new NewCredential(new CredentialId(parts[2]), "cose-key", 0, List.of("internal"), true, true)));
    }

    @Override
    public Mono<AssertionClaim> readAssertion(String responseJson) {
        String[] parts = unwrap(responseJson).split("\\|");
        if (parts.length != 6 || !parts[0].equals("get")) {
            return Mono.empty();
        }
        Optional<UserHandle> handle = parts[3].equals("-") ? Optional.empty() : Optional.of(new UserHandle(parts[3]));
        return Mono.just(new AssertionClaim(new CredentialId(parts[2]), parts[1], handle));
    }

    @Override
    public Mono<AssertionVerdict> verifyAssertion(String responseJson, String challenge, Passkey passkey) {
        String[] parts = unwrap(responseJson).split("\\|");
        if (!parts[1].equals(challenge) || !parts[5].equals("ok")) {
            return Mono.just(new AssertionVerdict.Rejected());
        }
        return Mono.just(new AssertionVerdict.Verified(Long.parseLong(parts[4]), passkey.backupEligible(), false));
    }
}
