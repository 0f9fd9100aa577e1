package dev.vestibule.deploy;

import dev.vestibule.deploy.RenderedManifests.PodTemplate;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operational rules every rendered overlay must keep. Each returns its violations, one readable line
 * each; an empty list means the rule holds. ManifestPolicyTests proves each one fires on a planted violation.
 */
enum ManifestPolicy {

    /** Every container of every workload has a startup, a liveness and a readiness probe. */
    EVERY_CONTAINER_HAS_THREE_PROBES {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            forEachContainer(manifests, (where, container) -> {
                if (container.getStartupProbe() == null) violations.add(where + " has no startupProbe");
                if (container.getLivenessProbe() == null) violations.add(where + " has no livenessProbe");
                if (container.getReadinessProbe() == null) violations.add(where + " has no readinessProbe");
            });
            return violations;
        }
    },

    /** Vestibule's probes ask the health groups on the management port, never the public one. */
    APP_PROBES_ASK_HEALTH_GROUPS_ON_MANAGEMENT_PORT {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            forEachAppContainer(manifests, (where, container) -> {
                checkProbe(violations, where + " startupProbe", container, container.getStartupProbe(), LIVENESS);
                checkProbe(violations, where + " livenessProbe", container, container.getLivenessProbe(), LIVENESS);
                checkProbe(violations, where + " readinessProbe", container, container.getReadinessProbe(), READINESS);
            });
            return violations;
        }

        private void checkProbe(
                List<String> violations, String where, V1Container container, V1Probe probe, String path) {
            V1HTTPGetAction get = probe == null ? null : probe.getHttpGet();
            if (get == null) {
                violations.add(where + " is not an HTTP GET");
                return;
            }
            if (!path.equals(get.getPath())) violations.add(where + " asks " + get.getPath() + ", not " + path);
            if (containerPortNumber(container, get.getPort()).orElse(-1) != MANAGEMENT_PORT) {
                violations.add(where + " asks port " + get.getPort() + ", not the management port " + MANAGEMENT_PORT);
            }
        }
    },

    /** Every container requests and is limited in CPU and memory, and requests no more than its limit. */
    EVERY_CONTAINER_HAS_REQUESTS_AND_LIMITS {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            forEachContainer(manifests, (where, container) -> {
                V1ResourceRequirements resources = container.getResources();
                Map<String, Quantity> requests =
                        resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
                Map<String, Quantity> limits =
                        resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null) violations.add(where + " requests no " + resource);
                    if (limit == null) violations.add(where + " has no " + resource + " limit");
                    if (request != null && limit != null && request.getNumber().compareTo(limit.getNumber()) > 0) {
                        violations.add(where + " requests more " + resource + " (" + request.toSuffixedString()
                                + ") than its limit (" + limit.toSuffixedString() + ")");
                    }
                }
            });
            return violations;
        }
    },

    /** The JVM takes its heap from the container's memory limit (a share, not a fixed -Xmx) and exits on OutOfMemoryError. */
    JVM_IS_SIZED_TO_THE_CONTAINER {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            forEachAppContainer(manifests, (where, container) -> {
                String options = env(container, "JAVA_TOOL_OPTIONS")
                        .map(V1EnvVar::getValue)
                        .orElse("");
                var percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)")
                        .matcher(options);
                if (!percentage.find()) {
                    violations.add(
                            where
                                    + " does not size the heap from the container (no -XX:MaxRAMPercentage in JAVA_TOOL_OPTIONS)");
                } else if (Double.parseDouble(percentage.group(1)) > 80) {
                    violations.add(where + " gives the heap " + percentage.group(1)
                            + "% of the container, leaving too little for metaspace, threads and buffers");
                }
                if (Pattern.compile("-Xm[xs]\\d|-XX:MaxHeapSize")
                        .matcher(options)
                        .find()) {
                    violations.add(
                            where + " fixes the heap size (-Xmx/-Xms) instead of deriving it from the memory limit");
                }
                if (!options.contains("-XX:+ExitOnOutOfMemoryError")) {
                    violations.add(where + " keeps running after an OutOfMemoryError (no -XX:+ExitOnOutOfMemoryError)");
                }
                boolean hasMemoryLimit = container.getResources() != null
                        && container.getResources().getLimits() != null
                        && container.getResources().getLimits().containsKey("memory");
                if (!hasMemoryLimit) violations.add(where + " has no memory limit for the JVM to size itself from");
                boolean tmpMounted = container.getVolumeMounts() != null
                        && container.getVolumeMounts().stream().anyMatch(mount -> "/tmp".equals(mount.getMountPath()));
                if (!tmpMounted) violations.add(where + " has no writable /tmp on its read-only root filesystem");
            });
            return violations;
        }
    },

    /** Nothing runs as root or can become it: numeric non-root user, no privilege escalation, no capabilities, read-only root filesystem, default seccomp. */
    EVERY_CONTAINER_RUNS_UNPRIVILEGED {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (PodTemplate pod : manifests.podTemplates()) {
                V1PodSecurityContext podContext = Objects.requireNonNullElse(
                        pod.template().getSpec().getSecurityContext(), new V1PodSecurityContext());
                for (V1Container container : containers(pod.template().getSpec())) {
                    String where = pod.workload() + " container " + container.getName();
                    V1SecurityContext context =
                            Objects.requireNonNullElse(container.getSecurityContext(), new V1SecurityContext());
                    Boolean nonRoot = firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot());
                    Long user = firstNonNull(context.getRunAsUser(), podContext.getRunAsUser());
                    String seccomp = context.getSeccompProfile() != null
                            ? context.getSeccompProfile().getType()
                            : podContext.getSeccompProfile() != null
                                    ? podContext.getSeccompProfile().getType()
                                    : null;
                    if (!Boolean.TRUE.equals(nonRoot))
                        violations.add(where + " may run as root (runAsNonRoot not true)");
                    if (user == null || user == 0) violations.add(where + " has no numeric non-root runAsUser");
                    if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation()))
                        violations.add(where + " allows privilege escalation");
                    if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem()))
                        violations.add(where + " has a writable root filesystem");
                    if (Boolean.TRUE.equals(context.getPrivileged())) violations.add(where + " is privileged");
                    boolean dropsAll = context.getCapabilities() != null
                            && context.getCapabilities().getDrop() != null
                            && context.getCapabilities().getDrop().contains("ALL");
                    if (!dropsAll) violations.add(where + " keeps Linux capabilities (no drop: [ALL])");
                    if (context.getCapabilities() != null
                            && context.getCapabilities().getAdd() != null
                            && !context.getCapabilities().getAdd().isEmpty()) {
                        violations.add(where + " adds capabilities "
                                + context.getCapabilities().getAdd());
                    }
                    if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp))
                        violations.add(where + " runs without a seccomp profile");
                }
            }
            return violations;
        }
    },

    /** No pod gets a Kubernetes API token: none of them calls the API. */
    NO_POD_MOUNTS_A_SERVICE_ACCOUNT_TOKEN {
        @Override
        List<String> violations(RenderedManifests manifests) {
            return manifests.podTemplates().stream()
                    .filter(pod ->
                            !Boolean.FALSE.equals(pod.template().getSpec().getAutomountServiceAccountToken()))
                    .map(pod ->
                            pod.workload() + " mounts a service account token (automountServiceAccountToken not false)")
                    .toList();
        }
    },

    /** Vestibule runs at least twice at all times: replicas, autoscaler floor, rollouts, voluntary disruptions. */
    AT_LEAST_TWO_INSTANCES_AT_ALL_TIMES {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Deployment deployment : manifests.all(V1Deployment.class)) {
                String name = deployment.getMetadata().getName();
                int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
                if (replicas < 2)
                    violations.add("Deployment " + name + " has " + replicas + " replica(s), fewer than 2");
                var rolling = deployment.getSpec().getStrategy() == null
                        ? null
                        : deployment.getSpec().getStrategy().getRollingUpdate();
                if (rolling == null || !isZero(rolling.getMaxUnavailable())) {
                    violations.add(
                            "Deployment " + name
                                    + " may take instances down before new ones are ready (rollingUpdate.maxUnavailable not 0)");
                }
                List<V2HorizontalPodAutoscaler> autoscalers = manifests.all(V2HorizontalPodAutoscaler.class).stream()
                        .filter(hpa -> "Deployment"
                                        .equals(hpa.getSpec()
                                                .getScaleTargetRef()
                                                .getKind())
                                && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                        .toList();
                if (autoscalers.isEmpty()) violations.add("Deployment " + name + " has no HorizontalPodAutoscaler");
                for (V2HorizontalPodAutoscaler hpa : autoscalers) {
                    int min = Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1);
                    if (min < 2)
                        violations.add(
                                "HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales down to " + min);
                    if (hpa.getSpec().getMaxReplicas() < min)
                        violations.add("HorizontalPodAutoscaler "
                                + hpa.getMetadata().getName() + " has maxReplicas below minReplicas");
                }
                Map<String, String> podLabels =
                        deployment.getSpec().getTemplate().getMetadata().getLabels();
                List<V1PodDisruptionBudget> budgets = manifests.all(V1PodDisruptionBudget.class).stream()
                        .filter(pdb -> selects(pdb.getSpec().getSelector(), podLabels))
                        .toList();
                if (budgets.isEmpty()) violations.add("Deployment " + name + " has no PodDisruptionBudget");
                for (V1PodDisruptionBudget pdb : budgets) {
                    String budget = "PodDisruptionBudget " + pdb.getMetadata().getName();
                    if (!allowsOneDisruptionButNotAll(pdb, replicas)) {
                        violations.add(
                                budget
                                        + " must let one instance go (else node drains hang) and keep one (else all may go at once)");
                    }
                }
            }
            return violations;
        }
    },

    /** Vestibule's pods spread over nodes (hard) and zones (best effort). */
    INSTANCES_SPREAD_OVER_NODES_AND_ZONES {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Deployment deployment : manifests.all(V1Deployment.class)) {
                String name = "Deployment " + deployment.getMetadata().getName();
                V1PodSpec spec = deployment.getSpec().getTemplate().getSpec();
                Map<String, String> podLabels =
                        deployment.getSpec().getTemplate().getMetadata().getLabels();
                List<V1TopologySpreadConstraint> constraints =
                        Objects.requireNonNullElse(spec.getTopologySpreadConstraints(), List.of());
                for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
                    Optional<V1TopologySpreadConstraint> constraint = constraints.stream()
                            .filter(c -> key.equals(c.getTopologyKey()))
                            .findFirst();
                    if (constraint.isEmpty()) {
                        violations.add(name + " does not spread over " + key);
                    } else if (!selects(constraint.get().getLabelSelector(), podLabels)) {
                        violations.add(
                                name + " spreads over " + key + " with a selector that does not match its own pods");
                    }
                }
            }
            return violations;
        }
    },

    /** Any instance serves any request: no client affinity in Services, no sticky-session annotation on Ingresses. */
    NO_STICKY_SESSIONS {
        private static final Pattern STICKY =
                Pattern.compile("affinity|sticky|session-cookie|upstream-hash-by|hash-on", Pattern.CASE_INSENSITIVE);

        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Service service : manifests.all(V1Service.class)) {
                if ("ClientIP".equals(service.getSpec().getSessionAffinity())) {
                    violations.add("Service " + service.getMetadata().getName()
                            + " pins clients to a pod (sessionAffinity: ClientIP)");
                }
                annotations(
                        service.getMetadata().getAnnotations(),
                        "Service " + service.getMetadata().getName(),
                        violations);
            }
            for (V1Ingress ingress : manifests.all(V1Ingress.class)) {
                annotations(
                        ingress.getMetadata().getAnnotations(),
                        "Ingress " + ingress.getMetadata().getName(),
                        violations);
            }
            return violations;
        }

        private void annotations(Map<String, String> annotations, String where, List<String> violations) {
            if (annotations == null) return;
            annotations.forEach((key, value) -> {
                if (STICKY.matcher(key).find())
                    violations.add(where + " asks for sticky sessions (" + key + ": " + value + ")");
            });
        }
    },

    /** The Ingress reaches Vestibule's public port only: Services expose no management port and no Ingress routes /actuator. */
    ONLY_THE_PUBLIC_PORT_IS_ROUTED {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Service service : manifests.all(V1Service.class)) {
                for (V1ServicePort port : service.getSpec().getPorts()) {
                    for (V1Container container :
                            podsSelectedBy(manifests, service.getSpec().getSelector())) {
                        if (containerPortNumber(
                                                        container,
                                                        port.getTargetPort() == null
                                                                ? new IntOrString(port.getPort())
                                                                : port.getTargetPort())
                                                .orElse(-1)
                                        == MANAGEMENT_PORT
                                && isApp(container)) {
                            violations.add("Service " + service.getMetadata().getName()
                                    + " exposes the management port (" + port.getName() + ")");
                        }
                    }
                }
            }
            for (V1Ingress ingress : manifests.all(V1Ingress.class)) {
                String where = "Ingress " + ingress.getMetadata().getName();
                List<V1IngressBackend> backends = new ArrayList<>();
                if (ingress.getSpec().getDefaultBackend() != null)
                    backends.add(ingress.getSpec().getDefaultBackend());
                Objects.requireNonNullElse(
                                ingress.getSpec().getRules(),
                                List.<io.kubernetes.client.openapi.models.V1IngressRule>of())
                        .forEach(rule -> {
                            if (rule.getHttp() == null) return;
                            rule.getHttp().getPaths().forEach(path -> {
                                backends.add(path.getBackend());
                                if (path.getPath() != null && path.getPath().startsWith("/actuator")) {
                                    violations.add(where + " routes " + path.getPath());
                                }
                            });
                        });
                for (V1IngressBackend backend : backends) {
                    if (backend.getService() == null) continue;
                    String serviceName = backend.getService().getName();
                    Optional<V1Service> service = manifests.all(V1Service.class).stream()
                            .filter(s -> serviceName.equals(s.getMetadata().getName()))
                            .findFirst();
                    if (service.isEmpty()) {
                        violations.add(where + " routes to Service " + serviceName + ", which is not rendered");
                        continue;
                    }
                    var wanted = backend.getService().getPort();
                    boolean portExists = service.get().getSpec().getPorts().stream()
                            .anyMatch(port -> (wanted.getName() != null
                                            && wanted.getName().equals(port.getName()))
                                    || (wanted.getNumber() != null
                                            && wanted.getNumber().equals(port.getPort())));
                    if (!portExists)
                        violations.add(where + " routes to a port Service " + serviceName + " does not have");
                }
            }
            return violations;
        }
    },

    /** Every Vestibule pod is fenced by a NetworkPolicy that restricts both directions and admits no one on the management port but monitoring. */
    NETWORK_POLICY_FENCES_EVERY_APP_POD {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Deployment deployment : manifests.all(V1Deployment.class)) {
                Map<String, String> podLabels =
                        deployment.getSpec().getTemplate().getMetadata().getLabels();
                List<V1NetworkPolicy> policies = manifests.all(V1NetworkPolicy.class).stream()
                        .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels))
                        .toList();
                String name = "Deployment " + deployment.getMetadata().getName();
                if (policies.isEmpty()) violations.add(name + " is selected by no NetworkPolicy");
                for (V1NetworkPolicy policy : policies) {
                    List<String> types =
                            Objects.requireNonNullElse(policy.getSpec().getPolicyTypes(), List.of());
                    if (!types.containsAll(List.of("Ingress", "Egress"))) {
                        violations.add("NetworkPolicy " + policy.getMetadata().getName()
                                + " does not restrict both Ingress and Egress");
                    }
                    Objects.requireNonNullElse(
                                    policy.getSpec().getIngress(),
                                    List.<io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule>of())
                            .forEach(rule -> {
                                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                                    violations.add("NetworkPolicy "
                                            + policy.getMetadata().getName() + " admits traffic from anywhere");
                                }
                                if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                                    violations.add("NetworkPolicy "
                                            + policy.getMetadata().getName() + " admits traffic on every port");
                                }
                            });
                }
            }
            return violations;
        }
    },

    /** The kubelet waits longer than drain delay plus graceful shutdown before it kills an instance. */
    GRACE_PERIOD_COVERS_DRAIN_AND_SHUTDOWN {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            for (V1Deployment deployment : manifests.all(V1Deployment.class)) {
                V1PodSpec spec = deployment.getSpec().getTemplate().getSpec();
                for (V1Container container : containers(spec)) {
                    if (!isApp(container)) continue;
                    String where = "Deployment " + deployment.getMetadata().getName();
                    Optional<Duration> drain = setting(manifests, container, "VESTIBULE_SHUTDOWN_DRAIN_DELAY")
                            .map(ManifestPolicy::duration);
                    Optional<Duration> phase = setting(
                                    manifests, container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                            .map(ManifestPolicy::duration);
                    if (drain.isEmpty() || phase.isEmpty()) {
                        violations.add(
                                where
                                        + " does not set both VESTIBULE_SHUTDOWN_DRAIN_DELAY and SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
                        continue;
                    }
                    long grace = Objects.requireNonNullElse(spec.getTerminationGracePeriodSeconds(), 30L);
                    long needed = drain.get().plus(phase.get()).toSeconds();
                    if (grace <= needed) {
                        violations.add(where + " is killed after " + grace + " s, but drain ("
                                + drain.get().toSeconds() + " s) and shutdown ("
                                + phase.get().toSeconds() + " s) take up to " + needed + " s");
                    }
                }
            }
            return violations;
        }
    },

    /** Every ConfigMap and Secret a pod reads exists in the render, or is one of the documented Secrets the operator creates. */
    CONFIGURATION_REFERENCES_RESOLVE {
        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            Set<String> configMaps = new java.util.HashSet<>();
            manifests
                    .all(V1ConfigMap.class)
                    .forEach(c -> configMaps.add(c.getMetadata().getName()));
            Map<String, Set<String>> secretKeys = new HashMap<>(EXTERNAL_SECRETS);
            manifests
                    .all(V1Secret.class)
                    .forEach(s -> secretKeys.put(
                            s.getMetadata().getName(),
                            Stream.concat(
                                            Objects.requireNonNullElse(s.getData(), Map.<String, byte[]>of())
                                                    .keySet()
                                                    .stream(),
                                            Objects.requireNonNullElse(s.getStringData(), Map.<String, String>of())
                                                    .keySet()
                                                    .stream())
                                    .collect(java.util.stream.Collectors.toSet())));
            forEachContainer(manifests, (where, container) -> {
                for (V1EnvFromSource source :
                        Objects.requireNonNullElse(container.getEnvFrom(), List.<V1EnvFromSource>of())) {
                    if (source.getConfigMapRef() != null
                            && !configMaps.contains(source.getConfigMapRef().getName())) {
                        violations.add(where + " reads ConfigMap "
                                + source.getConfigMapRef().getName() + ", which is not rendered");
                    }
                    if (source.getSecretRef() != null
                            && !secretKeys.containsKey(source.getSecretRef().getName())) {
                        violations.add(where + " reads Secret "
                                + source.getSecretRef().getName() + ", which is neither rendered nor documented");
                    }
                }
                for (V1EnvVar variable : Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
                    if (variable.getValueFrom() == null) continue;
                    var secretRef = variable.getValueFrom().getSecretKeyRef();
                    if (secretRef != null
                            && !secretKeys
                                    .getOrDefault(secretRef.getName(), Set.of())
                                    .contains(secretRef.getKey())) {
                        violations.add(where + " reads key " + secretRef.getKey() + " of Secret " + secretRef.getName()
                                + ", which is neither rendered nor documented");
                    }
                    var configRef = variable.getValueFrom().getConfigMapKeyRef();
                    if (configRef != null && !configMaps.contains(configRef.getName())) {
                        violations.add(where + " reads ConfigMap " + configRef.getName() + ", which is not rendered");
                    }
                }
            });
            return violations;
        }
    },

    /** Forwarded headers are trusted from real addresses only: the base's placeholder is replaced by IP addresses or CIDR ranges. */
    TRUSTED_PROXIES_ARE_ADDRESSES {
        private static final Pattern IPV4 =
                Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

        @Override
        List<String> violations(RenderedManifests manifests) {
            List<String> violations = new ArrayList<>();
            forEachAppContainer(manifests, (where, container) -> {
                Optional<String> value = setting(manifests, container, "VESTIBULE_PROXY_TRUSTED_ADDRESSES");
                if (value.isEmpty()) {
                    violations.add(
                            where
                                    + " does not set VESTIBULE_PROXY_TRUSTED_ADDRESSES: client addresses would all be the ingress controller's");
                    return;
                }
                for (String entry : value.get().split(",")) {
                    if (!isAddressOrRange(entry.trim()))
                        violations.add(
                                where + " trusts '" + entry.trim() + "', which is not an IP address or CIDR range");
                }
            });
            return violations;
        }

        private boolean isAddressOrRange(String entry) {
            var ipv4 = IPV4.matcher(entry);
            if (ipv4.matches()) {
                for (int group = 1; group <= 4; group++) if (Integer.parseInt(ipv4.group(group)) > 255) return false;
                return ipv4.group(5) == null || Integer.parseInt(ipv4.group(5)) <= 32;
            }
            String[] parts = entry.split("/", 2);
            if (!parts[0].contains(":") || !parts[0].matches("[0-9a-fA-F:.]+")) return false;
            try {
                java.net.InetAddress.getByName(parts[0]);
                return parts.length == 1 || Integer.parseInt(parts[1]) <= 128;
            } catch (java.net.UnknownHostException | NumberFormatException e) {
                return false;
            }
        }
    };

    static final int MANAGEMENT_PORT = 8081;
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /** The Secrets the prod overlay expects the operator to create, with their keys (docs/operations-kubernetes.md). */
    static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "vestibule-db", Set.of("host", "port", "database", "username", "password"),
            "vestibule-redis", Set.of("host", "port", "password"),
            // issue 13 finding 6: the key every pod signs the CSRF token with
            "vestibule-cookie-signing", Set.of("key"),
            // issue 14: twofactor. The key every pod encrypts the authenticator-app secrets with
            "vestibule-two-factor", Set.of("encryption-key"));

    abstract List<String> violations(RenderedManifests manifests);

    private static void forEachContainer(
            RenderedManifests manifests, java.util.function.BiConsumer<String, V1Container> check) {
        for (PodTemplate pod : manifests.podTemplates()) {
            for (V1Container container : containers(pod.template().getSpec())) {
                check.accept(pod.workload() + " container " + container.getName(), container);
            }
        }
    }

    /** Vestibule's containers: those of Deployments that declare the management port. */
    private static void forEachAppContainer(
            RenderedManifests manifests, java.util.function.BiConsumer<String, V1Container> check) {
        boolean found = false;
        for (V1Deployment deployment : manifests.all(V1Deployment.class)) {
            for (V1Container container :
                    containers(deployment.getSpec().getTemplate().getSpec())) {
                if (isApp(container)) {
                    found = true;
                    check.accept(
                            "Deployment " + deployment.getMetadata().getName() + " container " + container.getName(),
                            container);
                }
            }
        }
        if (!found) {
            throw new AssertionError(
                    manifests.overlay() + " renders no Vestibule container (a Deployment container with port "
                            + MANAGEMENT_PORT + "): nothing to check");
        }
    }

    private static List<V1Container> containers(V1PodSpec spec) {
        List<V1Container> containers = new ArrayList<>(spec.getContainers());
        containers.addAll(Objects.requireNonNullElse(spec.getInitContainers(), List.of()));
        return containers;
    }

    private static boolean isApp(V1Container container) {
        return Objects.requireNonNullElse(container.getPorts(), List.<V1ContainerPort>of()).stream()
                .anyMatch(port -> port.getContainerPort() == MANAGEMENT_PORT);
    }

    private static List<V1Container> podsSelectedBy(RenderedManifests manifests, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) return List.of();
        return manifests.podTemplates().stream()
                .filter(pod ->
                        pod.template().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .flatMap(pod -> containers(pod.template().getSpec()).stream())
                .toList();
    }

    /** The number a probe or Service port means in this container: a number, or the name of one of its ports. */
    private static Optional<Integer> containerPortNumber(V1Container container, IntOrString port) {
        if (port == null) return Optional.empty();
        if (port.isInteger()) return Optional.of(port.getIntValue());
        return Objects.requireNonNullElse(container.getPorts(), List.<V1ContainerPort>of()).stream()
                .filter(candidate -> port.getStrValue().equals(candidate.getName()))
                .map(V1ContainerPort::getContainerPort)
                .findFirst();
    }

    private static Optional<V1EnvVar> env(V1Container container, String name) {
        return Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of()).stream()
                .filter(variable -> name.equals(variable.getName()))
                .findFirst();
    }

    /** A setting as the container sees it: its own env first, then the ConfigMaps it reads whole. */
    private static Optional<String> setting(RenderedManifests manifests, V1Container container, String name) {
        Optional<V1EnvVar> own = env(container, name);
        if (own.isPresent() && own.get().getValue() != null)
            return Optional.of(own.get().getValue());
        for (V1EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(), List.<V1EnvFromSource>of())) {
            if (source.getConfigMapRef() == null) continue;
            Optional<String> value = manifests.all(V1ConfigMap.class).stream()
                    .filter(map -> source.getConfigMapRef()
                            .getName()
                            .equals(map.getMetadata().getName()))
                    .map(map -> Objects.requireNonNullElse(map.getData(), Map.<String, String>of())
                            .get(name))
                    .filter(Objects::nonNull)
                    .findFirst();
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    /** Spring Boot's simple duration format, as used in the ConfigMaps ("10s", "500ms", "1m"). */
    static Duration duration(String value) {
        var matcher = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) throw new IllegalArgumentException("Not a duration: " + value);
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    private static boolean selects(V1LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) return false;
        if (selector.getMatchExpressions() != null
                && !selector.getMatchExpressions().isEmpty()) return false;
        Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return !matchLabels.isEmpty() && labels.entrySet().containsAll(matchLabels.entrySet());
    }

    private static boolean allowsOneDisruptionButNotAll(V1PodDisruptionBudget pdb, int replicas) {
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        IntOrString given = maxUnavailable != null ? maxUnavailable : minAvailable;
        if (given == null) return false;
        if (!given.isInteger()) {
            double percent = Double.parseDouble(given.getStrValue().replace("%", ""));
            return percent > 0 && percent < 100;
        }
        // maxUnavailable n lets n go and keeps replicas - n; minAvailable n keeps n and lets replicas - n go.
        int n = given.getIntValue();
        return n >= 1 && n < replicas;
    }

    private static boolean isZero(IntOrString value) {
        return value != null
                && (value.isInteger()
                        ? value.getIntValue() == 0
                        : new BigDecimal(value.getStrValue().replace("%", "")).signum() == 0);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
