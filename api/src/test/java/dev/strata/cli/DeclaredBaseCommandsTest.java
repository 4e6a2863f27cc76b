package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declared base image of {@code scan}, {@code efficiency} and {@code dedup}: from the manifest's
 * {@code org.opencontainers.image.base.*} annotations (an OCI layout built in-process, whose config also carries a
 * different base label: the annotations win), from config labels, or none.
 */
class DeclaredBaseCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE_DIGEST = Digest.sha256Of("the base manifest".getBytes(StandardCharsets.UTF_8)).toString();

    @TempDir
    static Path tmp;

    static Path data() {
        return tmp.resolve("data");
    }

    @BeforeAll
    static void scanImages() {
        byte[] base = new TarBuilder().dir("etc").file("etc/hostname", "base\n").build();
        byte[] app = new TarBuilder().dir("app").file("app/run", "#!/bin/sh\n").build();
        ImageFixtures.image().layer(base).layer(app)
                .annotation("org.opencontainers.image.base.name", "registry.example/base:1")
                .annotation("org.opencontainers.image.base.digest", BASE_DIGEST)
                .label("org.opencontainers.image.base.name", "a-label-the-annotation-overrides:1")
                .writeOciLayout(tmp.resolve("annotated"));
        scan("oci:" + tmp.resolve("annotated"));
        Path labelled = tmp.resolve("labelled.tar");
        ImageFixtures.image().layer(base).layer(new TarBuilder().file("other", "x").build())
                .label("org.opencontainers.image.base.name", "registry.example/labelled-base:2")
                .writeDockerArchive(labelled, "labelled:1");
        scan("docker-archive:" + labelled);
        Path plain = tmp.resolve("plain.tar");
        ImageFixtures.image().layer(base).writeDockerArchive(plain, "plain:1");
        scan("docker-archive:" + plain);
    }

    static JsonNode scan(String reference) {
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data().toString(), "--format", "json", reference);
        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return JSON.readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError(run.out(), e);
        }
    }

    static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data().toString();
        CliRun run = CliRun.run(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    static JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--format";
        all[args.length + 1] = "json";
        return JSON.readTree(run(all).out());
    }

    @Test
    void theScanReportCarriesTheManifestAnnotations() {
        JsonNode report = scan("oci:" + tmp.resolve("annotated")); // served from the index the second time
        assertThat(report.at("/image/declaredBase/name").asText()).isEqualTo("registry.example/base:1");
        assertThat(report.at("/image/declaredBase/digest").asText()).isEqualTo(BASE_DIGEST);
        assertThat(report.at("/image/declaredBase/source").asText()).isEqualTo("manifest-annotations");
    }

    @Test
    void efficiencyShowsTheDeclaredBaseAndWhereItCameFrom() throws Exception {
        String annotated = imageNamed("annotated");
        JsonNode a = json("efficiency", annotated);
        assertThat(a.at("/declaredBase/name").asText()).isEqualTo("registry.example/base:1");
        assertThat(a.at("/declaredBase/digest").asText()).isEqualTo(BASE_DIGEST);
        assertThat(a.at("/declaredBase/source").asText()).isEqualTo("manifest-annotations");
        assertThat(run("efficiency", annotated).out())
                .contains("Declared:    registry.example/base:1@" + BASE_DIGEST + " (from manifest annotations)");

        JsonNode l = json("efficiency", "labelled:1");
        assertThat(l.at("/declaredBase/name").asText()).isEqualTo("registry.example/labelled-base:2");
        assertThat(l.at("/declaredBase/source").asText()).isEqualTo("config-labels");
        assertThat(l.at("/declaredBase/digest").isMissingNode()).isTrue();
        assertThat(run("efficiency", "labelled:1").out())
                .contains("Declared:    registry.example/labelled-base:2 (from config labels)");

        assertThat(json("efficiency", "plain:1").has("declaredBase")).isFalse();
        assertThat(run("efficiency", "plain:1").out()).doesNotContain("Declared:");
    }

    @Test
    void dedupListsEveryImagesDeclaredBase() throws Exception {
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode b : json("dedup").get("bases")) {
            declared.put(b.at("/image/digest").asText(), b.get("declaredBase"));
        }
        assertThat(declared).hasSize(3);
        JsonNode annotated = declared.get(json("efficiency", imageNamed("annotated")).at("/image/digest").asText());
        assertThat(annotated.get("name").asText()).isEqualTo("registry.example/base:1");
        assertThat(annotated.get("source").asText()).isEqualTo("manifest-annotations");
        JsonNode labelled = declared.get(json("efficiency", "labelled:1").at("/image/digest").asText());
        assertThat(labelled.get("source").asText()).isEqualTo("config-labels");
        assertThat(declared.get(json("efficiency", "plain:1").at("/image/digest").asText()).isNull()).isTrue();
        String table = run("dedup").out();
        assertThat(table).contains("DECLARED BASE")
                .contains("registry.example/base:1@" + BASE_DIGEST + " (from manifest annotations)")
                .contains("registry.example/labelled-base:2 (from config labels)");
    }

    /** The digest of the image scanned from the OCI layout {@code dir} (it has no tag). */
    static String imageNamed(String dir) throws Exception {
        return scan("oci:" + tmp.resolve(dir)).at("/image/digest").asText();
    }
}
