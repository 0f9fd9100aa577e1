package dev.vestibule.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.util.Map;

/**
 * Reads a manifest document as the typed Kubernetes API model of the kind it claims (client-java-api,
 * generated from the Kubernetes OpenAPI schema). The generated readers reject unknown fields, missing
 * required fields and malformed quantities; reading the typed object back and comparing with the document
 * also catches what they would silently coerce (a number where the API wants a string, as an annotation).
 * Only the current, served apiVersions are known: a removed one (extensions/v1beta1, policy/v1beta1,
 * autoscaling/v2beta2) is refused.
 */
final class KubernetesSchema {

    private static final Map<String, Class<? extends KubernetesObject>> KINDS = Map.of(
            "apps/v1 Deployment", V1Deployment.class,
            "apps/v1 StatefulSet", V1StatefulSet.class,
            "v1 Service", V1Service.class,
            "v1 ServiceAccount", V1ServiceAccount.class,
            "v1 ConfigMap", V1ConfigMap.class,
            "v1 Secret", V1Secret.class,
            "networking.k8s.io/v1 Ingress", V1Ingress.class,
            "networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);

    private static final Gson GSON = new JSON().getGson();

    private KubernetesSchema() {}

    /** The document as its typed model; an {@link IllegalArgumentException} naming the problem when it is not one. */
    static KubernetesObject read(Map<String, Object> document) {
        String type = document.get("apiVersion") + " " + document.get("kind");
        Class<? extends KubernetesObject> modelClass = KINDS.get(type);
        if (modelClass == null) {
            throw new IllegalArgumentException(
                    "Unknown or removed apiVersion/kind: " + type + " (known: " + KINDS.keySet() + ")");
        }
        JsonElement json = GSON.toJsonTree(document);
        KubernetesObject model;
        try {
            model = GSON.fromJson(json, modelClass);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    type + " " + nameOf(document) + " is not a valid " + modelClass.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
        JsonElement readBack = withoutEmpties(GSON.toJsonTree(model));
        String difference = firstDifference(withoutEmpties(json), readBack, "");
        if (difference != null) {
            throw new IllegalArgumentException(type + " " + nameOf(document) + " changes when read as "
                    + modelClass.getSimpleName() + " (a value of the wrong type?): " + difference);
        }
        return model;
    }

    static Class<? extends KubernetesObject> modelClass(String apiVersion, String kind) {
        return KINDS.get(apiVersion + " " + kind);
    }

    private static String nameOf(Map<String, Object> document) {
        return document.get("metadata") instanceof Map<?, ?> metadata
                ? String.valueOf(metadata.get("name"))
                : "(no metadata)";
    }

    /** Where the two trees first differ ("spec.template.metadata.annotations.prometheus.io/port: 8081 became "8081""), or null. */
    private static String firstDifference(JsonElement written, JsonElement read, String path) {
        if (written.isJsonObject() && read.isJsonObject()) {
            for (String key : written.getAsJsonObject().keySet()) {
                JsonElement other = read.getAsJsonObject().get(key);
                String difference = other == null
                        ? path + key + " is dropped"
                        : firstDifference(written.getAsJsonObject().get(key), other, path + key + ".");
                if (difference != null) return difference;
            }
            for (String key : read.getAsJsonObject().keySet()) {
                if (!written.getAsJsonObject().has(key)) return path + key + " appears";
            }
            return null;
        }
        if (written.isJsonArray()
                && read.isJsonArray()
                && written.getAsJsonArray().size() == read.getAsJsonArray().size()) {
            for (int i = 0; i < written.getAsJsonArray().size(); i++) {
                String difference = firstDifference(
                        written.getAsJsonArray().get(i), read.getAsJsonArray().get(i), path + i + ".");
                if (difference != null) return difference;
            }
            return null;
        }
        return written.equals(read) ? null : path.replaceAll("\\.$", "") + ": " + written + " became " + read;
    }

    /** The serializer writes empty lists and maps for absent fields; they carry no meaning either way. */
    private static JsonElement withoutEmpties(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject pruned = new JsonObject();
            for (Map.Entry<String, JsonElement> entry :
                    element.getAsJsonObject().entrySet()) {
                JsonElement value = withoutEmpties(entry.getValue());
                if (!isEmpty(value)) {
                    pruned.add(entry.getKey(), value);
                }
            }
            return pruned;
        }
        if (element.isJsonArray()) {
            JsonArray pruned = new JsonArray();
            element.getAsJsonArray().forEach(item -> pruned.add(withoutEmpties(item)));
            return pruned;
        }
        return element;
    }

    private static boolean isEmpty(JsonElement value) {
        return value.isJsonNull()
                || (value.isJsonObject() && value.getAsJsonObject().isEmpty())
                || (value.isJsonArray() && value.getAsJsonArray().isEmpty());
    }
}
