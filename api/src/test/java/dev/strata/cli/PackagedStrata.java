package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code strata.jar} run in a child JVM, and the fixtures {@code samples/build.sh} made, for
 * integration tests: what a user runs, against images with a known ground truth ({@code fixtures.json}).
 */
final class PackagedStrata {
    static final ObjectMapper JSON = new ObjectMapper();

    private PackagedStrata() {
    }

    /** What one run printed and how it exited. */
    record Result(int exit, String out, String err) {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("strata.jar", "target/strata.jar"));
        assertThat(jar).as("the packaged jar").exists();
        return jar;
    }

    /** The fixtures.json written by samples/build.sh. */
    static JsonNode fixtures() throws IOException {
        Path file = Path.of(System.getProperty("strata.fixtures", "../samples/build/current"), "fixtures.json");
        assertThat(file).as("fixtures missing: run 'bash samples/build.sh' first (as root)").exists();
        return JSON.readTree(file.toFile());
    }

    static JsonNode fixture(JsonNode fixtures, String name) {
        for (JsonNode f : fixtures.get("fixtures")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no fixture " + name + " in fixtures.json (rebuild with samples/build.sh)");
    }

    /** Runs {@code java -jar strata.jar ARGS} and waits for it (at most 5 minutes). */
    static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path err = java.nio.file.Files.createTempFile("strata-it-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err));
        } finally {
            java.nio.file.Files.deleteIfExists(err);
        }
    }

    /** {@code strata scan --format json}, which must succeed; the parsed report. */
    static JsonNode scan(Path data, String reference) throws Exception {
        Result r = run("scan", "--skip-db", "--data", data.toString(), "--format", "json", reference);
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
