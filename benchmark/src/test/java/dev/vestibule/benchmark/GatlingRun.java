package dev.vestibule.benchmark;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One Gatling simulation run in this JVM, its HTML report in a folder of its own. */
final class GatlingRun {

    private GatlingRun() {}

    /**
     * Runs {@code simulation} and returns the folder of its report, or none when {@code withReport} is false.
     *
     * @throws IllegalStateException when Gatling could not run it (a failed request is not a failed run)
     */
    static Path run(Class<? extends Simulation> simulation, Path resultsFolder, String description, boolean withReport)
            throws IOException {
        Files.createDirectories(resultsFolder);
        List<String> arguments = new ArrayList<>(List.of(
                "--simulation", simulation.getName(),
                "--results-folder", resultsFolder.toAbsolutePath().toString(),
                "--run-description", description));
        if (!withReport) {
            arguments.add("--no-reports");
        }
        int status = Gatling$.MODULE$.fromArgs(arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException(
                    simulation.getSimpleName() + " did not run (Gatling status " + status + ")");
        }
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(Files::isDirectory)
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no report in " + resultsFolder));
        }
    }
}
