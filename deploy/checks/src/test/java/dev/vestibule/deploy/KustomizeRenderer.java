package dev.vestibule.deploy;

import static dev.vestibule.deploy.StrategicMerge.asMap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the subset of kustomize our
 * overlays use: {@code resources} (files and directories), {@code namespace}, {@code images},
 * {@code patches} (strategic merge, by a patch file's kind and name), {@code secretGenerator} with literals,
 * {@code generatorOptions.disableNameSuffixHash}. Hand-written because no kustomize implementation runs on
 * the JVM and kubectl is not installed everywhere the tests run; where kubectl is installed,
 * KustomizeRendererTests compare the two. A kustomization using any other field is refused, so the
 * overlays cannot drift out of what is checked here.
 */
final class KustomizeRenderer {

    private static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion", "kind", "resources", "namespace", "images", "patches", "secretGenerator", "generatorOptions");

    private KustomizeRenderer() {}

    /** The documents of the rendered kustomization in {@code directory}, in kustomize's input order. */
    static List<Map<String, Object>> render(Path directory) {
        Path kustomizationFile = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = DeployFiles.singleDocument(kustomizationFile);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        kustomizationFile + " uses '" + field + "', which the offline renderer does not support");
            }
        }
        if (!"Kustomization".equals(kustomization.get("kind"))) {
            throw new IllegalArgumentException(kustomizationFile + " is not a Kustomization");
        }

        List<Map<String, Object>> resources = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            Path path = directory.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                resources.addAll(DeployFiles.documents(path));
            }
        }
        resources.addAll(generatedSecrets(kustomization, kustomizationFile));
        for (Map<String, Object> patchEntry : maps(kustomization.get("patches"))) {
            if (!patchEntry.keySet().equals(Set.of("path"))) {
                throw new IllegalArgumentException(
                        kustomizationFile + ": only file patches ('path') are supported, found " + patchEntry.keySet());
            }
            applyPatch(
                    resources,
                    DeployFiles.singleDocument(directory.resolve((String) patchEntry.get("path"))),
                    kustomizationFile);
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            resources.forEach(resource -> metadata(resource).put("namespace", namespace));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            if (!Set.of("name", "newName", "newTag").containsAll(image.keySet())) {
                throw new IllegalArgumentException(kustomizationFile
                        + ": only name, newName and newTag are supported in images, found " + image.keySet());
            }
            resources.forEach(resource -> setImage(resource, image));
        }
        return resources;
    }

    private static List<Map<String, Object>> generatedSecrets(
            Map<String, Object> kustomization, Path kustomizationFile) {
        List<Map<String, Object>> generators = maps(kustomization.get("secretGenerator"));
        if (generators.isEmpty()) {
            return List.of();
        }
        Map<String, Object> options =
                kustomization.get("generatorOptions") instanceof Map<?, ?> map ? asMap(map) : Map.of();
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalArgumentException(
                    kustomizationFile
                            + ": generated names with a hash suffix are not supported; set generatorOptions.disableNameSuffixHash");
        }
        List<Map<String, Object>> secrets = new ArrayList<>();
        for (Map<String, Object> generator : generators) {
            if (!Set.of("name", "literals").containsAll(generator.keySet())) {
                throw new IllegalArgumentException(kustomizationFile
                        + ": only 'name' and 'literals' are supported in secretGenerator, found " + generator.keySet());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            for (String literal : strings(generator.get("literals"))) {
                int equals = literal.indexOf('=');
                data.put(
                        literal.substring(0, equals),
                        Base64.getEncoder()
                                .encodeToString(literal.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
            }
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("apiVersion", "v1");
            secret.put("kind", "Secret");
            secret.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
            secret.put("type", "Opaque");
            secret.put("data", data);
            secrets.add(secret);
        }
        return secrets;
    }

    private static void applyPatch(
            List<Map<String, Object>> resources, Map<String, Object> patch, Path kustomizationFile) {
        Object kind = patch.get("kind");
        Object name = metadata(patch).get("name");
        for (int i = 0; i < resources.size(); i++) {
            Map<String, Object> resource = resources.get(i);
            if (kind.equals(resource.get("kind"))
                    && name.equals(metadata(resource).get("name"))) {
                resources.set(i, StrategicMerge.apply(resource, patch));
                return;
            }
        }
        throw new IllegalArgumentException(
                kustomizationFile + ": a patch targets " + kind + " " + name + ", which no resource is");
    }

    private static void setImage(Map<String, Object> resource, Map<String, Object> image) {
        if (!(resource.get("spec") instanceof Map<?, ?> spec
                && spec.get("template") instanceof Map<?, ?> template
                && template.get("spec") instanceof Map<?, ?> podSpec)) {
            return;
        }
        for (String field : List.of("initContainers", "containers")) {
            for (Map<String, Object> container : maps(podSpec.get(field))) {
                String reference = (String) container.get("image");
                String imageName = reference.split("[@:]", 2)[0];
                if (!imageName.equals(image.get("name"))) {
                    continue;
                }
                String newName = image.get("newName") instanceof String n ? n : imageName;
                String tag = image.get("newTag") instanceof String t
                        ? ":" + t
                        : reference.contains(":") ? reference.substring(reference.indexOf(':')) : "";
                container.put("image", newName + tag);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", key -> new LinkedHashMap<>());
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static List<Map<String, Object>> maps(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(item -> asMap((Map<?, ?>) item)).toList();
    }
}
