package dev.vestibule.deploy;

import static dev.vestibule.deploy.ManifestPolicy.APP_PROBES_ASK_HEALTH_GROUPS_ON_MANAGEMENT_PORT;
import static dev.vestibule.deploy.ManifestPolicy.AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES;
import static dev.vestibule.deploy.ManifestPolicy.CONFIGURATION_REFERENCES_RESOLVE;
import static dev.vestibule.deploy.ManifestPolicy.EVERY_CONTAINER_HAS_REQUESTS_AND_LIMITS;
import static dev.vestibule.deploy.ManifestPolicy.EVERY_CONTAINER_HAS_THREE_PROBES;
import static dev.vestibule.deploy.ManifestPolicy.EVERY_CONTAINER_RUNS_UNPRIVILEGED;
import static dev.vestibule.deploy.ManifestPolicy.GRACE_PERIOD_COVERS_DRAIN_AND_SHUTDOWN;
import static dev.vestibule.deploy.ManifestPolicy.INSTANCES_SPREAD_OVER_NODES_AND_ZONES;
import static dev.vestibule.deploy.ManifestPolicy.JVM_IS_SIZED_TO_THE_CONTAINER;
import static dev.vestibule.deploy.ManifestPolicy.NETWORK_POLICY_FENCES_EVERY_APP_POD;
import static dev.vestibule.deploy.ManifestPolicy.NO_POD_MOUNTS_A_SERVICE_ACCOUNT_TOKEN;
import static dev.vestibule.deploy.ManifestPolicy.NO_STICKY_SESSIONS;
import static dev.vestibule.deploy.ManifestPolicy.ONLY_THE_PUBLIC_PORT_IS_ROUTED;
import static dev.vestibule.deploy.ManifestPolicy.TRUSTED_PROXIES_ARE_ADDRESSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered overlay keeps every operational rule, and every rule is proven to catch a planted violation. */
class ManifestPolicyTests {

    /** One planted violation: the rule that must catch it, and how to plant it into a rendered overlay. */
    record PlantedViolation(ManifestPolicy policy, String overlay, Consumer<RenderedManifests> plant) {}

    static Stream<Arguments> overlaysAndPolicies() {
        return DeployFiles.overlays().stream()
                .flatMap(overlay -> Stream.of(ManifestPolicy.values())
                        .map(policy -> arguments(overlay.getFileName().toString(), policy)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndPolicies")
    void everyOverlayKeepsEveryRule(String overlay, ManifestPolicy policy) {
        assertThat(policy.violations(render(overlay))).isEmpty();
    }

    static Stream<Named<PlantedViolation>> plantedViolations() {
        return Stream.of(
                planted(
                        "a container without a startup probe",
                        EVERY_CONTAINER_HAS_THREE_PROBES,
                        "prod",
                        m -> app(m).setStartupProbe(null)),
                planted(
                        "a dev database without a readiness probe",
                        EVERY_CONTAINER_HAS_THREE_PROBES,
                        "dev",
                        m -> m.named(V1StatefulSet.class, "postgres")
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .setReadinessProbe(null)),
                planted(
                        "readiness asked on the public port",
                        APP_PROBES_ASK_HEALTH_GROUPS_ON_MANAGEMENT_PORT,
                        "prod",
                        m -> app(m).getReadinessProbe().getHttpGet().setPort(new IntOrString("http"))),
                planted(
                        "liveness asking the readiness group",
                        APP_PROBES_ASK_HEALTH_GROUPS_ON_MANAGEMENT_PORT,
                        "dev",
                        m -> app(m).getLivenessProbe().getHttpGet().setPath("/actuator/health/readiness")),
                planted(
                        "no memory limit",
                        EVERY_CONTAINER_HAS_REQUESTS_AND_LIMITS,
                        "prod",
                        m -> app(m).getResources().getLimits().remove("memory")),
                planted(
                        "a CPU request above its limit",
                        EVERY_CONTAINER_HAS_REQUESTS_AND_LIMITS,
                        "prod",
                        m -> app(m).getResources().getRequests().put("cpu", Quantity.fromString("3"))),
                planted(
                        "a fixed -Xmx",
                        JVM_IS_SIZED_TO_THE_CONTAINER,
                        "prod",
                        m -> javaToolOptions(m).setValue("-Xmx1g -XX:+ExitOnOutOfMemoryError")),
                planted(
                        "a heap of 95% of the container",
                        JVM_IS_SIZED_TO_THE_CONTAINER,
                        "prod",
                        m -> javaToolOptions(m).setValue("-XX:MaxRAMPercentage=95 -XX:+ExitOnOutOfMemoryError")),
                planted(
                        "no writable /tmp",
                        JVM_IS_SIZED_TO_THE_CONTAINER,
                        "dev",
                        m -> app(m).setVolumeMounts(List.of())),
                planted("running as root", EVERY_CONTAINER_RUNS_UNPRIVILEGED, "prod", m -> {
                    pod(m).getSecurityContext().setRunAsUser(0L);
                    app(m).getSecurityContext().setRunAsUser(0L);
                }),
                planted(
                        "a writable root filesystem",
                        EVERY_CONTAINER_RUNS_UNPRIVILEGED,
                        "prod",
                        m -> app(m).getSecurityContext().setReadOnlyRootFilesystem(false)),
                planted(
                        "privilege escalation allowed in the dev Redis",
                        EVERY_CONTAINER_RUNS_UNPRIVILEGED,
                        "dev",
                        m -> m.named(V1StatefulSet.class, "redis")
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getSecurityContext()
                                .setAllowPrivilegeEscalation(true)),
                planted(
                        "capabilities kept",
                        EVERY_CONTAINER_RUNS_UNPRIVILEGED,
                        "prod",
                        m -> app(m).getSecurityContext().getCapabilities().setDrop(List.of("NET_RAW"))),
                planted(
                        "no seccomp profile",
                        EVERY_CONTAINER_RUNS_UNPRIVILEGED,
                        "prod",
                        m -> pod(m).getSecurityContext().setSeccompProfile(null)),
                planted(
                        "a mounted service account token",
                        NO_POD_MOUNTS_A_SERVICE_ACCOUNT_TOKEN,
                        "prod",
                        m -> pod(m).setAutomountServiceAccountToken(null)),
                planted(
                        "one replica",
                        AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES,
                        "prod",
                        m -> deployment(m).getSpec().setReplicas(1)),
                planted(
                        "an autoscaler that scales down to one",
                        AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES,
                        "dev",
                        m -> m.named(V2HorizontalPodAutoscaler.class, "vestibule")
                                .getSpec()
                                .setMinReplicas(1)),
                planted(
                        "a rollout that stops an instance first",
                        AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES,
                        "prod",
                        m -> deployment(m)
                                .getSpec()
                                .getStrategy()
                                .getRollingUpdate()
                                .setMaxUnavailable(new IntOrString(1))),
                planted(
                        "a disruption budget that blocks node drains",
                        AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES,
                        "prod",
                        m -> m.named(V1PodDisruptionBudget.class, "vestibule")
                                .getSpec()
                                .maxUnavailable(null)
                                .minAvailable(new IntOrString(3))),
                planted(
                        "no zone spread",
                        INSTANCES_SPREAD_OVER_NODES_AND_ZONES,
                        "prod",
                        m -> pod(m).getTopologySpreadConstraints()
                                .removeIf(c -> c.getTopologyKey().contains("zone"))),
                planted(
                        "a node spread that selects other pods",
                        INSTANCES_SPREAD_OVER_NODES_AND_ZONES,
                        "dev",
                        m -> pod(m).getTopologySpreadConstraints()
                                .get(0)
                                .getLabelSelector()
                                .putMatchLabelsItem("app.kubernetes.io/name", "other")),
                planted(
                        "ClientIP affinity on the Service",
                        NO_STICKY_SESSIONS,
                        "prod",
                        m -> m.named(V1Service.class, "vestibule").getSpec().setSessionAffinity("ClientIP")),
                planted(
                        "ingress-nginx cookie affinity",
                        NO_STICKY_SESSIONS,
                        "prod",
                        m -> m.named(V1Ingress.class, "vestibule")
                                .getMetadata()
                                .putAnnotationsItem("nginx.ingress.kubernetes.io/affinity", "cookie")),
                planted(
                        "the management port on the Service",
                        ONLY_THE_PUBLIC_PORT_IS_ROUTED,
                        "prod",
                        m -> m.named(V1Service.class, "vestibule")
                                .getSpec()
                                .addPortsItem(new V1ServicePort()
                                        .name("management")
                                        .port(8081)
                                        .targetPort(new IntOrString("management")))),
                planted(
                        "an Ingress path for /actuator",
                        ONLY_THE_PUBLIC_PORT_IS_ROUTED,
                        "dev",
                        m -> m.named(V1Ingress.class, "vestibule")
                                .getSpec()
                                .getRules()
                                .get(0)
                                .getHttp()
                                .getPaths()
                                .get(0)
                                .setPath("/actuator")),
                planted(
                        "an Ingress routed to a missing port",
                        ONLY_THE_PUBLIC_PORT_IS_ROUTED,
                        "prod",
                        m -> m.named(V1Ingress.class, "vestibule")
                                .getSpec()
                                .getRules()
                                .get(0)
                                .getHttp()
                                .getPaths()
                                .get(0)
                                .getBackend()
                                .getService()
                                .getPort()
                                .setName("https")),
                planted(
                        "no NetworkPolicy",
                        NETWORK_POLICY_FENCES_EVERY_APP_POD,
                        "prod",
                        m -> m.objects().removeIf(V1NetworkPolicy.class::isInstance)),
                planted(
                        "a NetworkPolicy admitting everyone",
                        NETWORK_POLICY_FENCES_EVERY_APP_POD,
                        "prod",
                        m -> m.named(V1NetworkPolicy.class, "vestibule")
                                .getSpec()
                                .getIngress()
                                .get(0)
                                .setFrom(null)),
                planted(
                        "a grace period shorter than the drain",
                        GRACE_PERIOD_COVERS_DRAIN_AND_SHUTDOWN,
                        "prod",
                        m -> pod(m).setTerminationGracePeriodSeconds(30L)),
                planted(
                        "a longer drain delay without a longer grace period",
                        GRACE_PERIOD_COVERS_DRAIN_AND_SHUTDOWN,
                        "dev",
                        m -> config(m).getData().put("VESTIBULE_SHUTDOWN_DRAIN_DELAY", "40s")),
                planted(
                        "a Secret key nobody provides",
                        CONFIGURATION_REFERENCES_RESOLVE,
                        "prod",
                        m -> app(m).getEnv().stream()
                                .filter(e -> e.getName().equals("VESTIBULE_DB_PASSWORD"))
                                .findFirst()
                                .orElseThrow()
                                .getValueFrom()
                                .getSecretKeyRef()
                                .setKey("pasword")),
                planted(
                        "a dev Secret that is not generated",
                        CONFIGURATION_REFERENCES_RESOLVE,
                        "dev",
                        m -> m.named(V1Secret.class, "vestibule-redis")
                                .getData()
                                .remove("password")),
                planted(
                        "a ConfigMap that is not rendered",
                        CONFIGURATION_REFERENCES_RESOLVE,
                        "prod",
                        m -> m.objects().removeIf(V1ConfigMap.class::isInstance)),
                planted(
                        "the base placeholder left in place",
                        TRUSTED_PROXIES_ARE_ADDRESSES,
                        "prod",
                        m -> config(m)
                                .getData()
                                .put("VESTIBULE_PROXY_TRUSTED_ADDRESSES", "REPLACE-WITH-INGRESS-CONTROLLER-POD-CIDR")),
                planted(
                        "an impossible range",
                        TRUSTED_PROXIES_ARE_ADDRESSES,
                        "dev",
                        m -> config(m)
                                .getData()
                                .put("VESTIBULE_PROXY_TRUSTED_ADDRESSES", "10.244.0.0/16,10.300.0.0/16")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void everyRuleCatchesAPlantedViolation(PlantedViolation violation) {
        RenderedManifests clean = render(violation.overlay());
        assertThat(violation.policy().violations(clean)).as("before planting").isEmpty();

        RenderedManifests planted = mutable(render(violation.overlay())).with(violation.plant());

        assertThat(violation.policy().violations(planted)).as("after planting").isNotEmpty();
    }

    @Test
    void everyRuleHasAPlantedViolation() {
        Set<ManifestPolicy> proven =
                plantedViolations().map(named -> named.getPayload().policy()).collect(Collectors.toSet());

        assertThat(proven).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ManifestPolicy.class));
    }

    @Test
    void prodBringsNoDatabaseAndNoSecretsOfItsOwn() {
        RenderedManifests prod = render("prod");

        assertThat(prod.all(V1StatefulSet.class)).isEmpty();
        assertThat(prod.all(V1Secret.class))
                .as("the operator creates vestibule-db and vestibule-redis")
                .isEmpty();
        assertThat(secretsReadBy(app(prod))).isEqualTo(ManifestPolicy.EXTERNAL_SECRETS.keySet());
    }

    @Test
    void devBringsSingleReplicaPostgresAndRedisAndTheSecretsProdExpects() {
        RenderedManifests dev = render("dev");

        assertThat(dev.all(V1StatefulSet.class))
                .extracting(s -> s.getMetadata().getName(), s -> s.getSpec().getReplicas())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("postgres", 1),
                        org.assertj.core.groups.Tuple.tuple("redis", 1));
        var generated = new HashMap<String, Set<String>>();
        dev.all(V1Secret.class)
                .forEach(secret -> generated.put(
                        secret.getMetadata().getName(), secret.getData().keySet()));
        assertThat(generated).isEqualTo(ManifestPolicy.EXTERNAL_SECRETS);
    }

    @Test
    void prodRunsMoreInstancesThanDevAndPinsARegistryImage() {
        RenderedManifests prod = render("prod");

        assertThat(deployment(prod).getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
        assertThat(prod.named(V2HorizontalPodAutoscaler.class, "vestibule")
                        .getSpec()
                        .getMinReplicas())
                .isGreaterThanOrEqualTo(3);
        assertThat(app(prod).getImage()).contains("/").doesNotEndWith(":latest");
    }

    private static Named<PlantedViolation> planted(
            String description, ManifestPolicy policy, String overlay, Consumer<RenderedManifests> plant) {
        return Named.of(
                overlay + ": " + description + " breaks " + policy, new PlantedViolation(policy, overlay, plant));
    }

    private static RenderedManifests render(String overlay) {
        Path directory = DeployFiles.kubernetesDirectory().resolve("overlays").resolve(overlay);
        return RenderedManifests.of(directory);
    }

    /** A copy whose object list can lose members (a planted "missing object"). */
    private static RenderedManifests mutable(RenderedManifests manifests) {
        return new RenderedManifests(manifests.overlay(), new java.util.ArrayList<>(manifests.objects()));
    }

    private static V1Deployment deployment(RenderedManifests m) {
        return m.named(V1Deployment.class, "vestibule");
    }

    private static io.kubernetes.client.openapi.models.V1PodSpec pod(RenderedManifests m) {
        return deployment(m).getSpec().getTemplate().getSpec();
    }

    private static V1Container app(RenderedManifests m) {
        return pod(m).getContainers().stream()
                .filter(c -> c.getName().equals("vestibule"))
                .findFirst()
                .orElseThrow();
    }

    private static V1EnvVar javaToolOptions(RenderedManifests m) {
        return app(m).getEnv().stream()
                .filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                .findFirst()
                .orElseThrow();
    }

    private static V1ConfigMap config(RenderedManifests m) {
        return m.named(V1ConfigMap.class, "vestibule-config");
    }

    private static Set<String> secretsReadBy(V1Container container) {
        return container.getEnv().stream()
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName())
                .collect(Collectors.toSet());
    }
}
