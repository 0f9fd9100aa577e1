package dev.vestibule.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The offline kustomize renderer renders what kustomize renders, and refuses what it does not understand. */
class KustomizeRendererTests {

    static Stream<Path> overlays() {
        return DeployFiles.overlays().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersEveryOverlayExactlyLikeKubectlKustomize(Path overlay) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed here: the comparison with kustomize runs where it is");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();
        List<Map<String, Object>> fromKubectl = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output)) {
            fromKubectl.add(StrategicMerge.asMap((Map<?, ?>) document));
        }

        assertThat(sorted(KustomizeRenderer.render(overlay))).isEqualTo(sorted(fromKubectl));
    }

    @Test
    void aPatchMergesContainersByNameAndKeepsWhatItDoesNotMention() {
        Map<String, Object> deployment = yaml("""
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - {name: app, image: a, resources: {limits: {cpu: "1", memory: 1Gi}}, env: [{name: A, value: "1"}]}
                        - {name: sidecar, image: s}
                """);
        Map<String, Object> patch = yaml("""
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - {name: app, resources: {limits: {memory: 2Gi}}, env: [{name: B, value: "2"}]}
                """);

        assertThat(StrategicMerge.apply(deployment, patch)).isEqualTo(yaml("""
                spec:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - {name: app, image: a, resources: {limits: {cpu: "1", memory: 2Gi}}, env: [{name: A, value: "1"}, {name: B, value: "2"}]}
                        - {name: sidecar, image: s}
                """));
        assertThat(deployment).as("the input is left alone").containsEntry("spec", yaml("""
                replicas: 2
                template:
                  spec:
                    containers:
                      - {name: app, image: a, resources: {limits: {cpu: "1", memory: 1Gi}}, env: [{name: A, value: "1"}]}
                      - {name: sidecar, image: s}
                """));
    }

    @Test
    void aPatchReplacesListsWithoutMergeKeyAndDeletesNulls() {
        Map<String, Object> ingress = yaml("""
                metadata: {name: i, annotations: {a: x, b: y}}
                spec: {rules: [{host: one}, {host: two}]}
                """);
        Map<String, Object> patch = yaml("""
                metadata: {annotations: {a: null}}
                spec: {rules: [{host: three}]}
                """);

        assertThat(StrategicMerge.apply(ingress, patch)).isEqualTo(yaml("""
                metadata: {name: i, annotations: {b: y}}
                spec: {rules: [{host: three}]}
                """));
    }

    @Test
    void aKustomizationFieldTheRendererDoesNotSupportIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                commonLabels: {team: login}
                resources: []
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> KustomizeRenderer.render(dir))
                .withMessageContaining("commonLabels");
    }

    @Test
    void aPatchForAResourceThatIsNotThereIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [service.yaml]
                patches: [{path: patch.yaml}]
                """);
        Files.writeString(dir.resolve("service.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: vestibule}\n");
        Files.writeString(dir.resolve("patch.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: vestibul}\n");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> KustomizeRenderer.render(dir))
                .withMessageContaining("Service vestibul");
    }

    @Test
    void namespaceImagesAndGeneratedSecretsAreApplied(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: ns
                resources: [deployment.yaml]
                images: [{name: vestibule, newName: registry.example.com/vestibule, newTag: "1.2.3"}]
                generatorOptions: {disableNameSuffixHash: true}
                secretGenerator: [{name: s, literals: [password=a=b]}]
                """);
        Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec: {template: {spec: {containers: [{name: c, image: "vestibule:latest"}, {name: other, image: "busybox:1"}]}}}
                """);

        List<Map<String, Object>> rendered = KustomizeRenderer.render(dir);

        assertThat(rendered).containsExactly(yaml("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: d, namespace: ns}
                        spec: {template: {spec: {containers: [{name: c, image: "registry.example.com/vestibule:1.2.3"}, {name: other, image: "busybox:1"}]}}}
                        """), yaml("""
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: s, namespace: ns}
                        type: Opaque
                        data: {password: YT1i}
                        """));
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> documents) {
        return documents.stream()
                .sorted(Comparator.comparing(KustomizeRendererTests::identity))
                .toList();
    }

    private static String identity(Map<String, Object> document) {
        Map<?, ?> metadata = (Map<?, ?>) document.get("metadata");
        return document.get("kind") + "/" + metadata.get("namespace") + "/" + metadata.get("name");
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> yaml(String text) {
        return StrategicMerge.asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }
}
