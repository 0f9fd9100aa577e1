package dev.vestibule.adapters.webauthn.testing;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A passkey in software, for tests that speak HTTP without a browser: one P-256 credential, answering creation and
 * request options with the JSON a browser's {@code PublicKeyCredential.toJSON()} sends (attestation "none", user
 * present and verified). Its counter goes up by one per assertion unless a test sets it.
 */
public final class SoftwareAuthenticator {

    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final Pattern USER_ID =
            Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    private final String origin;
    private final String rpId;
    private final KeyPair keyPair;
    private final byte[] credentialId = new byte[32];
    private final ObjectConverter converter = new ObjectConverter();
    private byte[] userHandle = new byte[0];
    private long counter;

    public SoftwareAuthenticator(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        new SecureRandom().nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The challenge of creation or request options as the server sent them (JSON). */
    public static String challengeOf(String optionsJson) {
        Matcher matcher = CHALLENGE.matcher(optionsJson);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no challenge in " + optionsJson);
        }
        return matcher.group(1);
    }

    public String credentialId() {
        return b64(credentialId);
    }

    public void setCounter(long counter) {
        this.counter = counter;
    }

    /** Answers creation options (JSON) as a browser would: the registration response JSON. */
    public String create(String creationOptionsJson) {
        Matcher user = USER_ID.matcher(creationOptionsJson);
        if (!user.find()) {
            throw new IllegalArgumentException("no user.id in " + creationOptionsJson);
        }
        userHandle = Base64.getUrlDecoder().decode(user.group(1));
        return createFor(challengeOf(creationOptionsJson), origin);
    }

    /** A registration response for {@code challenge}, as sent from {@code fromOrigin}. */
    public String createFor(String challenge, String fromOrigin) {
        byte[] clientData = clientData("webauthn.create", challenge, fromOrigin);
        var attested = new AttestedCredentialData(
                AAGUID.ZERO,
                credentialId,
                EC2COSEKey.create((ECPublicKey) keyPair.getPublic(), COSEAlgorithmIdentifier.ES256));
        var authenticatorData = new AuthenticatorData<RegistrationExtensionAuthenticatorOutput>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (UP | UV | BE | BS | AT), counter, attested);
        byte[] attestationObject = new AttestationObjectConverter(converter)
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        return """
                {"id":"%s","rawId":"%s","type":"public-key","authenticatorAttachment":"platform",\
                "response":{"clientDataJSON":"%s","attestationObject":"%s","transports":["internal"]},\
                "clientExtensionResults":{}}""".formatted(credentialId(), credentialId(), b64(clientData), b64(attestationObject));
    }

    /** Answers request options (JSON) as a browser would: the authentication response JSON. */
    public String get(String requestOptionsJson) {
        return getFor(challengeOf(requestOptionsJson), origin, counter + 1);
    }

    /** An authentication response for {@code challenge}, from {@code fromOrigin}, with signature counter {@code count}. */
    public String getFor(String challenge, String fromOrigin, long count) {
        counter = count;
        byte[] clientData = clientData("webauthn.get", challenge, fromOrigin);
        byte[] authenticatorData = new AuthenticatorDataConverter(converter)
                .convert(new AuthenticatorData<>(
                        sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (UP | UV | BE | BS), count));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
        return """
                {"id":"%s","rawId":"%s","type":"public-key","authenticatorAttachment":"platform",\
                "response":{"clientDataJSON":"%s","authenticatorData":"%s","signature":"%s","userHandle":"%s"},\
                "clientExtensionResults":{}}""".formatted(
                        credentialId(),
                        credentialId(),
                        b64(clientData),
                        b64(authenticatorData),
                        b64(signature),
                        b64(userHandle));
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
