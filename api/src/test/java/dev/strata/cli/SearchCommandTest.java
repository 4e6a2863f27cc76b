package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void findsFilesByPathPrefixAndHashAcrossImages() throws Exception {
        byte[] base = new TarBuilder().dir("etc").file("etc/passwd", "root:x:0:0\n").file("etc/group", "root:x:0:\n").build();
        byte[] app = new TarBuilder().dir("app").file("app/passwd.copy", "root:x:0:0\n").build();
        ImageFixtures.image().layer(base).writeDockerArchive(tmp.resolve("a.tar"), "example/a:1");
        ImageFixtures.image().layer(base).layer(app).writeDockerArchive(tmp.resolve("b.tar"), "example/b:1");
        String data = tmp.resolve("data").toString();
        assertThat(CliRun.run("scan", "--skip-db", "--data", data, tmp.resolve("a.tar").toString()).exitCode()).isZero();
        assertThat(CliRun.run("scan", "--skip-db", "--data", data, tmp.resolve("b.tar").toString()).exitCode()).isZero();

        CliRun byPath = CliRun.run("search", "--data", data, "--format", "json", "path:/etc/passwd");
        assertThat(byPath.exitCode()).as(byPath.err()).isZero();
        JsonNode hits = JSON.readTree(byPath.out());
        assertThat(hits).hasSize(1); // one layer holds it, shared by both images
        assertThat(hits.get(0).get("images")).hasSize(2);

        CliRun prefix = CliRun.run("search", "--data", data, "--format", "json", "/etc/*");
        assertThat(JSON.readTree(prefix.out())).extracting(n -> n.get("path").asText())
                .containsExactly("/etc/group", "/etc/passwd"); // "/etc/" is inside /etc, not /etc itself

        String sha = JSON.readTree(byPath.out()).get(0).get("sha256").asText();
        CliRun byHash = CliRun.run("search", "--data", data, "--format", "json", "sha256:" + sha.substring(7));
        assertThat(JSON.readTree(byHash.out())).extracting(n -> n.get("path").asText())
                .containsExactlyInAnyOrder("/etc/passwd", "/app/passwd.copy");

        CliRun table = CliRun.run("search", "--data", data, "path:/app/passwd.copy");
        assertThat(table.out()).contains("/app/passwd.copy").contains("example/b:1").doesNotContain("example/a:1");

        CliRun bad = CliRun.run("search", "--data", data, "colour:blue");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(bad.err()).contains("unknown field 'colour'");
    }
}
