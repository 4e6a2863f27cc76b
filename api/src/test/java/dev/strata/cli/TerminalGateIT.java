package dev.strata.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar on a real pseudo-terminal (util-linux {@code script}): colours and the progress bar appear only
 * there, {@code NO_COLOR} and {@code --quiet} turn them off, the exit code is the gate's, and
 * {@code .strataignore.yaml} is found in the working directory.
 */
class TerminalGateIT {
    private static final Path DEMO = Path.of(System.getProperty("strata.samples", "../samples"), "demo/demo.tar")
            .toAbsolutePath();
    private static final Path ADVISORIES = DEMO.getParent().getParent().resolve("advisories");

    @TempDir
    static Path tmp;

    private record Tty(int exit, String text) {
    }

    @BeforeAll
    static void importAdvisories() throws Exception {
        PackagedStrata.Result r = PackagedStrata.run("db", "import", "--data", data(), ADVISORIES.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static String data() {
        return tmp.resolve("data").toString();
    }

    /** Runs the jar with stdout and stderr on one pseudo-terminal, in {@code dir}, with extra environment. */
    private Tty onTerminal(Path dir, Map<String, String> env, String... args) throws Exception {
        StringBuilder command = new StringBuilder(quote(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString())).append(" -jar ").append(quote(PackagedStrata.jar().toAbsolutePath().toString()));
        for (String a : args) {
            command.append(' ').append(quote(a));
        }
        List<String> script = new ArrayList<>(List.of("script", "-qec", command.toString(), "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Tty(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void coloursAndProgressOnATerminalOnly() throws Exception {
        Tty tty = onTerminal(tmp, Map.of(), "scan", "--data", data(), "--fail-on", "high", DEMO.toString());
        assertThat(tty.exit()).as(tty.text()).isEqualTo(1);
        assertThat(tty.text()).contains("\u001b[1;31mCRITICAL (3)\u001b[0m").contains("\u001b[31mHIGH (3)\u001b[0m");
        assertThat(tty.text().strip()).endsWith("FAIL: 3 CRITICAL, 3 HIGH at or above HIGH (2 below high)");

        // layers are read (and shown) only when the index does not hold them yet
        Tty fresh = onTerminal(tmp, Map.of(), "scan", "--data", tmp.resolve("fresh").toString(), "--skip-db",
                DEMO.toString());
        assertThat(fresh.exit()).as(fresh.text()).isZero();
        assertThat(fresh.text()).contains("\r[").contains("/4 layers").contains("\r\u001b[K");

        Tty plain = onTerminal(tmp, Map.of("NO_COLOR", "1"), "scan", "--data", data(), "-q", DEMO.toString());
        assertThat(plain.exit()).isZero();
        assertThat(plain.text()).contains("CRITICAL (3)").doesNotContain("\u001b[").doesNotContain("layers  ");

        PackagedStrata.Result piped = PackagedStrata.run("scan", "--data", data(), "--fail-on", "high",
                DEMO.toString());
        assertThat(piped.exit()).isEqualTo(1);
        assertThat(piped.out()).doesNotContain("\u001b[");
        assertThat(piped.err()).isEqualTo("FAIL: 3 CRITICAL, 3 HIGH at or above HIGH (2 below high)"
                + System.lineSeparator());
    }

    @Test
    void strataignoreInTheWorkingDirectoryIsUsed() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve(".strataignore.yaml"), """
                ignore:
                  - id: CVE-2021-44906
                    package: minimist
                    reason: build-time only
                  - id: GHSA-7rjr-3q55-vv33
                    reason: JndiLookup stripped
                  - id: GHSA-jfh8-c2jp-5v3q
                    reason: JndiLookup stripped
                """);
        Tty tty = onTerminal(project, Map.of(), "scan", "--data", data(), "--fail-on", "critical", "-q",
                DEMO.toString());
        assertThat(tty.exit()).as(tty.text()).isZero();
        assertThat(tty.text()).contains("Suppressed (3)").contains(".strataignore.yaml:2");
        assertThat(tty.text().strip()).endsWith("PASS: no findings at or above CRITICAL (5 below critical, 3 suppressed)");
    }
}
