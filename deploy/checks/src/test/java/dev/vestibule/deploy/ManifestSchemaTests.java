package dev.vestibule.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.common.KubernetesObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Every manifest document is the Kubernetes object it claims to be, checked against the API's typed schema. */
class ManifestSchemaTests {

    static Stream<Path> resourceFiles() {
        Set<Path> files = new HashSet<>();
        for (Path kustomization : kustomizationFiles()) {
            List<?> resources =
                    (List<?>) DeployFiles.singleDocument(kustomization).getOrDefault("resources", List.of());
            for (Object resource : resources) {
                Path path =
                        kustomization.getParent().resolve(resource.toString()).normalize();
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            }
        }
        return files.stream().sorted();
    }

    static Stream<Path> overlays() {
        return DeployFiles.overlays().stream();
    }

    @Test
    void thereAreADevAndAProdOverlay() {
        assertThat(DeployFiles.overlays())
                .extracting(path -> path.getFileName().toString())
                .contains("dev", "prod");
        assertThat(resourceFiles()).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceFiles")
    void everyDocumentOfAResourceFileIsAValidObjectOfItsKind(Path file) {
        List<Map<String, Object>> documents = DeployFiles.documents(file);

        assertThat(documents).isNotEmpty();
        for (Map<String, Object> document : documents) {
            KubernetesObject object = KubernetesSchema.read(document);
            assertThat(object.getKind()).isEqualTo(document.get("kind"));
            assertThat(object.getMetadata().getName()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayRendersIntoValidObjectsPatchesIncluded(Path overlay) {
        RenderedManifests manifests = RenderedManifests.of(overlay);

        assertThat(manifests.objects()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(manifests.objects())
                .allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                        .as(object.getKind() + " " + object.getMetadata().getName() + " namespace")
                        .isNotBlank());
    }

    @Test
    void everyYamlFileIsAKustomizationAResourceOrAPatchOfOne() {
        Set<Path> used = new HashSet<>(kustomizationFiles());
        resourceFiles().forEach(used::add);
        for (Path kustomization : kustomizationFiles()) {
            List<?> patches =
                    (List<?>) DeployFiles.singleDocument(kustomization).getOrDefault("patches", List.of());
            patches.forEach(patch -> used.add(kustomization
                    .getParent()
                    .resolve((String) ((Map<?, ?>) patch).get("path"))
                    .normalize()));
        }

        assertThat(DeployFiles.kubernetesYamlFiles())
                .as("YAML files no kustomization uses (never applied, never checked)")
                .allMatch(used::contains);
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSchema.read(yaml("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: s}
                        spec: {ports: [{port: 80}], sessionAfinity: None}
                        """)))
                .withMessageContaining("sessionAfinity");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSchema.read(yaml("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: d}
                        spec:
                          selector: {matchLabels: {a: b}}
                          template:
                            metadata: {labels: {a: b}}
                            spec: {containers: [{image: vestibule}]}
                        """)))
                .withMessageContaining("`name`");
    }

    @Test
    void aMalformedQuantityIsRefused() {
        assertThatThrownBy(() -> KubernetesSchema.read(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec: {containers: [{name: c, image: vestibule, resources: {limits: {memory: 512MB}}}]}
                """))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumberWhereTheApiWantsAStringIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSchema.read(yaml("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: c}
                        data: {MANAGEMENT_PORT: 8081}
                        """)))
                .withMessageContaining("changes when read");
    }

    @Test
    void aRemovedApiVersionIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KubernetesSchema.read(yaml("""
                        apiVersion: policy/v1beta1
                        kind: PodDisruptionBudget
                        metadata: {name: p}
                        spec: {maxUnavailable: 1}
                        """)))
                .withMessageContaining("policy/v1beta1");
    }

    private static List<Path> kustomizationFiles() {
        return DeployFiles.kubernetesYamlFiles().stream()
                .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                .toList();
    }

    private static Map<String, Object> yaml(String text) {
        return StrategicMerge.asMap(
                new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                        .load(text));
    }
}
