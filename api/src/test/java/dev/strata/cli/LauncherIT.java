package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code target/strata} launcher the build installs beside the jar, with its class-data-sharing archive. */
class LauncherIT {
    @TempDir
    Path tmp;

    private static Path launcher() {
        Path launcher = PackagedStrata.jar().resolveSibling("strata");
        assertThat(launcher).as("the launcher the build installs").isExecutable();
        return launcher;
    }

    private PackagedStrata.Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        Path err = tmp.resolve("err-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new PackagedStrata.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    @Test
    void theBuildMadeAnArchiveTheJvmAccepts() throws Exception {
        assertThat(PackagedStrata.jar().resolveSibling("strata.jsa")).as("strata.jsa made by train-cds.sh").isNotEmptyFile();
        // -Xshare:on makes the JVM refuse to start when the archive does not match this JDK and this jar
        PackagedStrata.Result r = run(Map.of("STRATA_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file="
                + tmp.resolve("classes.log")), "--version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("strata ");
        List<String> loads = Files.readAllLines(tmp.resolve("classes.log"));
        long shared = loads.stream().filter(l -> l.contains("shared objects file")).count();
        assertThat(shared).as("classes loaded from the archive").isGreaterThan(loads.size() / 2);
        assertThat(loads).anyMatch(l -> l.contains("dev.strata.cli.StrataCli") && l.contains("shared objects file"));
    }

    @Test
    void aScanThroughTheLauncherPrintsOnlyItsReportOnStdout() throws Exception {
        Path demo = Path.of(System.getProperty("strata.samples", "../samples"), "demo", "demo.tar");
        PackagedStrata.Result r = run(Map.of(), "scan", "--skip-db", "-q", "--data", tmp.resolve("data").toString(),
                "--format", "json", demo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = PackagedStrata.JSON.readTree(r.out());
        assertThat(report.at("/image/digest").asText()).startsWith("sha256:");
        assertThat(report.at("/layers").size()).isPositive();
    }

    @Test
    void aMissingJarIsAOneLineErrorWithExitCode2() throws Exception {
        PackagedStrata.Result r = run(Map.of("STRATA_JAR", tmp.resolve("nope.jar").toString()), "--version");
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err().strip()).startsWith("strata: error:").contains("nope.jar").doesNotContain("\n");
    }
}
