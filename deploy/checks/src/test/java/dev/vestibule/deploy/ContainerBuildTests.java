package dev.vestibule.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image build and the compose topology, checked without a Docker engine: the Dockerfile's stages and
 * user, the compose services and the files they mount, HAProxy's balancing (and its own syntax check
 * where haproxy is installed).
 */
class ContainerBuildTests {

    private final Path deploy = DeployFiles.deployDirectory();

    @Test
    void theImageIsBuiltInStagesAndRunsTheLayeredJarOnAnLtsJreAsANumericNonRootUser() throws IOException {
        List<String> lines = dockerfileInstructions();
        List<String> stages =
                lines.stream().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.get(0)).matches("FROM eclipse-temurin:(21|25)-jdk AS \\w+");
        assertThat(stages.get(stages.size() - 1))
                .as("runtime stage: a JRE, no JDK, no build tools")
                .matches("FROM eclipse-temurin:(21|25)-jre");
        assertThat(lines).anyMatch(line -> line.contains("-Djarmode=tools") && line.contains("extract --layers"));
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(lines)
                    .as("copies layer " + layer)
                    .anyMatch(line -> line.startsWith("COPY --from=") && line.contains("/" + layer + "/"));
        }
        String user = lines.stream()
                .filter(line -> line.startsWith("USER "))
                .reduce((first, last) -> last)
                .orElse("USER root");
        assertThat(user).matches("USER [1-9]\\d*(:[1-9]\\d*)?");
        assertThat(lines.get(lines.size() - 1)).startsWith("ENTRYPOINT [\"java\"");
    }

    @Test
    void theImageBuildCopiesEveryModuleOfTheReactor() throws IOException {
        String pom = Files.readString(deploy.getParent().resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> lines = dockerfileInstructions();
        int modules = 0;
        while (module.find()) {
            modules++;
            String name = module.group(1);
            assertThat(lines).as("the build stage copies module " + name).contains("COPY " + name + " " + name);
        }
        assertThat(modules).isGreaterThanOrEqualTo(5);
    }

    @Test
    void composeRunsTwoInstancesBehindHaproxyWithPostgresAndRedis() {
        Map<String, Object> compose = DeployFiles.singleDocument(deploy.resolve("compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));
        List<String> appServices = services.entrySet().stream()
                .filter(service ->
                        "vestibule:dev".equals(map(service.getValue()).get("image")))
                .map(Map.Entry::getKey)
                .toList();

        assertThat(appServices).hasSizeGreaterThanOrEqualTo(2);
        assertThat(services).containsKeys("haproxy", "postgres", "redis");
        for (String app : appServices) {
            Map<String, Object> service = map(services.get(app));
            Map<String, Object> build = map(service.get("build"));
            assertThat(deploy.resolve(build.get("context").toString())
                            .resolve(build.get("dockerfile").toString()))
                    .isRegularFile();
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "postgres,redis")
                    .containsEntry("MANAGEMENT_PORT", "8081");
            String haproxyAddress = map(map(map(services.get("haproxy")).get("networks"))
                            .get("vestibule"))
                    .get("ipv4_address")
                    .toString();
            assertThat(environment)
                    .as("only HAProxy's forwarded headers are believed")
                    .containsEntry("VESTIBULE_PROXY_TRUSTED_ADDRESSES", haproxyAddress + "/32");
            assertThat(service).containsEntry("read_only", true);
        }
        List<?> haproxyVolumes = (List<?>) map(services.get("haproxy")).get("volumes");
        haproxyVolumes.stream()
                .map(Object::toString)
                .filter(volume -> volume.startsWith("./"))
                .forEach(volume -> assertThat(deploy.resolve(volume.substring(0, volume.indexOf(':'))))
                        .isRegularFile());
    }

    @Test
    void haproxyTerminatesTlsAndBalancesRoundRobinOverEveryInstanceWithoutStickiness() throws IOException {
        String config = Files.readString(deploy.resolve("compose/haproxy.cfg"));
        List<String> directives = config.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        Map<String, Object> services =
                map(DeployFiles.singleDocument(deploy.resolve("compose.yaml")).get("services"));

        assertThat(directives).anyMatch(line -> line.matches("bind \\S+ ssl crt \\S+"));
        assertThat(directives).contains("balance roundrobin", "option httpchk GET /actuator/health/readiness");
        assertThat(directives)
                .noneMatch(line ->
                        line.startsWith("cookie ") || line.startsWith("stick") || line.startsWith("balance source"));
        services.keySet().stream()
                .filter(name -> name.startsWith("app"))
                .forEach(app -> assertThat(directives).contains("server " + app + " " + app + ":8080"));
    }

    @Test
    void haproxyAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        assumeTrue(
                installed("haproxy", "-v") && installed("openssl", "version"),
                "haproxy and openssl are not installed here");
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem");
        Files.writeString(
                dir.resolve("vestibule.pem"),
                Files.readString(dir.resolve("cert.pem")) + Files.readString(dir.resolve("key.pem")));
        Files.writeString(
                dir.resolve("haproxy.cfg"),
                Files.readString(deploy.resolve("compose/haproxy.cfg"))
                        .replace(
                                "/certs/vestibule.pem",
                                dir.resolve("vestibule.pem").toString()));

        String output = run(dir, "haproxy", "-c", "-f", "haproxy.cfg");

        assertThat(output).contains("Configuration file is valid");
    }

    private List<String> dockerfileInstructions() throws IOException {
        String text = Files.readString(deploy.resolve("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }

    private static boolean installed(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> map(Object value) {
        return StrategicMerge.asMap((Map<?, ?>) value);
    }
}
