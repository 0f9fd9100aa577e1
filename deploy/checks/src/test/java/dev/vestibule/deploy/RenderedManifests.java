package dev.vestibule.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One overlay, rendered and read as typed Kubernetes objects: what the policies judge. */
record RenderedManifests(String overlay, List<KubernetesObject> objects) {

    /** A workload's pod template, with a label for messages ("Deployment vestibule"). */
    record PodTemplate(String workload, V1PodTemplateSpec template) {}

    static RenderedManifests of(Path overlayDirectory) {
        List<KubernetesObject> objects = new ArrayList<>();
        for (Map<String, Object> document : KustomizeRenderer.render(overlayDirectory)) {
            objects.add(KubernetesSchema.read(document));
        }
        return new RenderedManifests(overlayDirectory.getFileName().toString(), List.copyOf(objects));
    }

    <T extends KubernetesObject> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends KubernetesObject> T named(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(object -> name.equals(object.getMetadata().getName()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(overlay + " renders no " + kind.getSimpleName() + " named " + name));
    }

    /** The same manifests after {@code change}, for planting a violation (the objects are mutable models). */
    RenderedManifests with(Consumer<RenderedManifests> change) {
        change.accept(this);
        return this;
    }

    List<PodTemplate> podTemplates() {
        List<PodTemplate> templates = new ArrayList<>();
        all(V1Deployment.class)
                .forEach(d -> templates.add(new PodTemplate(
                        "Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate())));
        all(V1StatefulSet.class)
                .forEach(s -> templates.add(new PodTemplate(
                        "StatefulSet " + s.getMetadata().getName(), s.getSpec().getTemplate())));
        return templates;
    }
}
