package dev.vestibule.adapters.web.passkey;

import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.port.in.PasskeyCreationOptions;
import dev.vestibule.domain.port.in.PasskeyRequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the ceremonies: the options in the form {@code PublicKeyCredential.parseCreationOptionsFromJSON} and
 * {@code parseRequestOptionsFromJSON} read (WebAuthn Level 3 §5.1.8, §5.1.9), the request bodies the script sends
 * ({@code {"credential": <PublicKeyCredential.toJSON()>, ...}}), and the answers (a redirect, or an error with a
 * message in the reader's language). A body that is not such JSON is a 400 with a reason, never a 500.
 */
final class PasskeyJson {

    /** The algorithms offered, most preferred first: ES256, EdDSA, RS256 (what the WebAuthn adapter verifies). */
    private static final List<Integer> ALGORITHMS = List.of(-7, -8, -257);

    /** The longest body a ceremony sends: a credential's JSON is a few kilobytes at most. */
    static final int MAX_BODY = 64 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PasskeyJson() {}

    static String creationOptions(PasskeyCreationOptions options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("rp").put("id", options.rpId()).put("name", options.rpName());
        root.putObject("user")
                .put("id", options.userHandle().value())
                .put("name", options.userName())
                .put("displayName", options.userName());
        root.put("challenge", options.challenge());
        ArrayNode algorithms = root.putArray("pubKeyCredParams");
        ALGORITHMS.forEach(
                alg -> algorithms.addObject().put("type", "public-key").put("alg", alg));
        root.put("timeout", millis(options.timeout()));
        credentials(root.putArray("excludeCredentials"), options.excludeCredentials());
        root.putObject("authenticatorSelection")
                .put("residentKey", "required")
                .put("requireResidentKey", true)
                .put("userVerification", "required");
        root.put("attestation", "none");
        root.putObject("extensions").put("credProps", true);
        return MAPPER.writeValueAsString(root);
    }

    static String requestOptions(PasskeyRequestOptions options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("challenge", options.challenge());
        root.put("timeout", millis(options.timeout()));
        root.put("rpId", options.rpId());
        credentials(root.putArray("allowCredentials"), options.allowCredentials());
        root.put("userVerification", "required");
        return MAPPER.writeValueAsString(root);
    }

    private static void credentials(ArrayNode array, List<CredentialId> ids) {
        ids.forEach(id -> array.addObject().put("type", "public-key").put("id", id.value()));
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    /** A ceremony's request body: the credential's JSON (if the body has one) and the other fields. */
    record Body(Optional<String> credential, JsonNode fields) {

        String text(String name) {
            JsonNode value = fields.get(name);
            return value != null && value.isString() ? value.asString() : "";
        }

        boolean flag(String name) {
            JsonNode value = fields.get(name);
            return value != null && value.isBoolean() && value.asBoolean();
        }
    }

    /** Reads a body; empty when it is not a JSON object (or too long). An empty body reads as {@code {}}. */
    static Optional<Body> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of(new Body(Optional.empty(), MAPPER.createObjectNode()));
        }
        if (body.length() > MAX_BODY) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            JsonNode credential = root.get("credential");
            Optional<String> json = credential != null && credential.isObject()
                    ? Optional.of(MAPPER.writeValueAsString(credential))
                    : Optional.empty();
            return Optional.of(new Body(json, root));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    static ResponseEntity<String> ok(String json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    /** Where the browser goes next (the script follows it). */
    static ResponseEntity<String> redirect(String location) {
        ObjectNode root = MAPPER.createObjectNode().put("redirect", location);
        return ok(MAPPER.writeValueAsString(root));
    }

    static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        ObjectNode root = MAPPER.createObjectNode().put("error", code).put("message", message);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(MAPPER.writeValueAsString(root));
    }

    static ResponseEntity<String> throttled(Duration retryAfter, String message) {
        ObjectNode root = MAPPER.createObjectNode().put("error", "throttled").put("message", message);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(dev.vestibule.adapters.web.throttling.TooManyAttempts.seconds(retryAfter)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(MAPPER.writeValueAsString(root));
    }
}
