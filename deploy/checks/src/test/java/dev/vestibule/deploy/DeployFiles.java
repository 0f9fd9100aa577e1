package dev.vestibule.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Where the deployment files are, and their YAML documents as plain maps. */
final class DeployFiles {

    private DeployFiles() {}

    /** The repository's {@code deploy/} directory, found upwards from the working directory (Surefire runs in the module). */
    static Path deployDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy");
            if (Files.isDirectory(candidate.resolve("k8s"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "No deploy/k8s directory above " + Path.of("").toAbsolutePath());
    }

    static Path kubernetesDirectory() {
        return deployDirectory().resolve("k8s");
    }

    /** Every overlay directory under {@code deploy/k8s/overlays}, sorted by name. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(kubernetesDirectory().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML file under {@code deploy/k8s}, sorted by path. */
    static List<Path> kubernetesYamlFiles() {
        try (Stream<Path> files = Files.walk(kubernetesDirectory())) {
            return files.filter(Files::isRegularFile)
                    .filter(file ->
                            file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one YAML file (empty documents skipped), as SnakeYAML's safe constructor reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping but "
                            + document.getClass().getSimpleName());
                }
                documents.add((Map<String, Object>) document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, Object> singleDocument(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " should hold exactly one document, holds " + documents.size());
        }
        return documents.get(0);
    }
}
