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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code efficiency}, {@code dedup} and {@code diff} over four in-process images on one shared base layer,
 * where every byte count follows from the content written into the layers.
 */
class DedupCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String OS_RELEASE_1 = "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n";
    static final String OS_RELEASE_2 = OS_RELEASE_1 + "PRETTY_NAME=\"app\"\n";
    static final String BIG = "B".repeat(4000);
    static final String LOG = "L".repeat(3000);
    static final String CACHE = "C".repeat(2000);
    static final String DOC = "D".repeat(500);
    static final String RUN = "#!/bin/sh\nexec app\n";
    static final String SAME = "S".repeat(700);
    static final String STATUS_1 = status("libfoo", "1.0-1") + status("libbar", "2.0-1");
    static final String STATUS_2 = status("libfoo", "1.0-2") + status("libnew", "1");

    static String status(String name, String version) {
        return "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + version + "\n\n";
    }

    @TempDir
    static Path tmp;
    static ImageFixtures.Image base;
    static ImageFixtures.Image app1;
    static ImageFixtures.Image app2;
    static ImageFixtures.Image app3;
    static byte[] b0;
    static byte[] a1;
    static byte[] a2;
    static byte[] a3;

    static Path data() {
        return tmp.resolve("data");
    }

    static String osv(String id, String pkg, String fixed) {
        String events = "{\"introduced\":\"0\"}" + (fixed == null ? "" : ",{\"fixed\":\"" + fixed + "\"}");
        return "{\"id\":\"" + id + "\",\"modified\":\"2024-01-01T00:00:00Z\",\"summary\":\"test\",\"affected\":[{"
                + "\"package\":{\"ecosystem\":\"Debian:12\",\"name\":\"" + pkg + "\"},"
                + "\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[" + events + "]}]}]}";
    }

    /** libfoo 1.0-1 is fixed by 1.0-2, libbar has an open advisory (removed in app2), libnew one (added in app2). */
    static void importAdvisories() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("advisories"));
        java.nio.file.Files.writeString(dir.resolve("foo.json"), osv("CVE-2099-0001", "libfoo", "1.0-2"));
        java.nio.file.Files.writeString(dir.resolve("bar.json"), osv("CVE-2099-0002", "libbar", null));
        java.nio.file.Files.writeString(dir.resolve("new.json"), osv("CVE-2099-0003", "libnew", null));
        CliRun run = CliRun.run("db", "import", "--data", data().toString(), dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @BeforeAll
    static void scanFleet() throws Exception {
        importAdvisories();
        b0 = new TarBuilder().dir("etc").file("etc/os-release", OS_RELEASE_1).dir("usr").dir("usr/lib")
                .file("usr/lib/libbig.so", BIG).dir("var").dir("var/log").file("var/log/build.log", LOG)
                .dir("var/cache").dir("var/cache/apt").file("var/cache/apt/pkg1", CACHE)
                .file("usr/lib/doc-a", DOC).file("var/lib/dpkg/status", STATUS_1).build();
        // deletes build.log, overwrites os-release, copies libbig, makes var/cache/apt opaque
        a1 = new TarBuilder().whiteout("var/log/build.log").file("etc/os-release", OS_RELEASE_2)
                .dir("opt").dir("opt/app").file("opt/app/libbig-copy.so", BIG).file("opt/app/run", RUN)
                .opaque("var/cache/apt").file("var/cache/apt/pkg2", "p2").build();
        // libbig a third time, one content at two paths of one layer, a hard link, a new dpkg status
        a2 = new TarBuilder().dir("opt").dir("opt/app2").file("opt/app2/libbig.so", BIG)
                .file("opt/app2/a", SAME).file("opt/app2/b", SAME).hardlink("opt/app2/hl", "opt/app2/a")
                .file("var/lib/dpkg/status", STATUS_2).build();
        a3 = new TarBuilder().file("opt/app/extra", "extra").build();
        base = scan(ImageFixtures.image().layer(b0).build(), "base:1");
        app1 = scan(ImageFixtures.image().layer(b0).layer(a1).build(), "app1:1");
        app2 = scan(ImageFixtures.image().layer(b0).layer(a2)
                .label("org.opencontainers.image.base.name", "docker.io/library/base:1").build(), "app2:1");
        app3 = scan(ImageFixtures.image().layer(b0).layer(a1).layer(a3).build(), "app3:1");
    }

    static ImageFixtures.Image scan(ImageFixtures.Image image, String tag) {
        Path archive = tmp.resolve(tag.replace(':', '-') + ".tar");
        ImageFixtures.dockerArchive().add(image, tag).writeTo(archive);
        CliRun run = CliRun.run("scan", "--data", data().toString(), "docker-archive:" + archive);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return image;
    }

    static JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data().toString(), "--format", "json"));
        CliRun run = CliRun.run(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** The manifest digest the docker-archive source synthesises for a legacy {@code docker save} image. */
    static String digestOf(ImageFixtures.Image image) {
        return Digest.sha256Of(ImageFixtures.expectedLegacyManifest(image)).toString();
    }

    static String sha(String content) {
        return Digest.sha256Of(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void efficiencyCountsDeletedOverwrittenOpaqueAndRepeatedBytes() throws Exception {
        JsonNode r = json("efficiency", "app1:1");
        JsonNode e = r.get("efficiency");

        long layer0Files = OS_RELEASE_1.length() + BIG.length() + LOG.length() + CACHE.length() + DOC.length()
                + STATUS_1.length();
        long layer1Files = OS_RELEASE_2.length() + BIG.length() + RUN.length() + 2;
        long removed = LOG.length() + OS_RELEASE_1.length() + CACHE.length();
        assertThat(e.get("layerBytes").asLong()).isEqualTo(b0.length + a1.length);
        assertThat(e.get("layerFileBytes").asLong()).isEqualTo(layer0Files + layer1Files);
        assertThat(e.get("removedBytes").asLong()).isEqualTo(removed);
        assertThat(e.get("finalFileBytes").asLong()).isEqualTo(layer0Files + layer1Files - removed);
        assertThat(e.get("crossLayerDuplicateBytes").asLong()).isEqualTo(BIG.length());
        assertThat(e.get("wastedBytes").asLong()).isEqualTo(removed + BIG.length());
        assertThat(e.get("efficiency").asDouble())
                .isEqualTo((double) (layer0Files + layer1Files - removed) / (layer0Files + layer1Files));

        JsonNode top = e.get("topWasted");
        assertThat(top).hasSize(3);
        assertThat(top.get(0).get("path").asText()).isEqualTo("/var/log/build.log");
        assertThat(top.get(0).get("how").asText()).isEqualTo("deleted");
        assertThat(top.get(0).get("addedBy").asInt()).isZero();
        assertThat(top.get(0).get("removedBy").asInt()).isEqualTo(1);
        assertThat(top.get(1).get("path").asText()).isEqualTo("/var/cache/apt/pkg1"); // hidden by the opaque directory
        assertThat(top.get(1).get("size").asLong()).isEqualTo(CACHE.length());
        assertThat(top.get(2).get("path").asText()).isEqualTo("/etc/os-release");
        assertThat(top.get(2).get("how").asText()).isEqualTo("overwritten");

        JsonNode dup = e.get("duplicates").get(0);
        assertThat(dup.get("sha256").asText()).isEqualTo(sha(BIG));
        assertThat(dup.get("paths").findValuesAsText("path")).containsExactly("/usr/lib/libbig.so", "/opt/app/libbig-copy.so");

        JsonNode layer1 = e.get("layers").get(1);
        assertThat(layer1.get("whiteouts").asInt()).isEqualTo(1);
        assertThat(layer1.get("opaqueDirectories").asInt()).isEqualTo(1);
        assertThat(layer1.get("deleted").asInt()).isEqualTo(2);
        assertThat(layer1.get("modified").asInt()).isEqualTo(1);

        assertThat(r.at("/base/image/digest").asText()).isEqualTo(digestOf(base));
        assertThat(r.at("/base/sharedLayers").asInt()).isEqualTo(1);
        assertThat(r.at("/base/totalLayers").asInt()).isEqualTo(2);
    }

    @Test
    void hardLinksAreNotDuplicatesAndDeclaredBaseIsReported() throws Exception {
        JsonNode r = json("efficiency", "app2:1");
        JsonNode dups = r.at("/efficiency/duplicates");
        assertThat(dups.findValuesAsText("sha256")).containsExactlyInAnyOrder(sha(BIG), sha(SAME));
        for (JsonNode d : dups) {
            assertThat(d.get("paths").findValuesAsText("path")).doesNotContain("/opt/app2/hl");
        }
        assertThat(r.at("/efficiency/duplicateBytes").asLong()).isEqualTo(BIG.length() + SAME.length());
        // SAME is repeated within one layer only: duplicate, but not cross-layer waste
        assertThat(r.at("/efficiency/crossLayerDuplicateBytes").asLong()).isEqualTo(BIG.length());
        assertThat(r.at("/efficiency/removedBytes").asLong()).isEqualTo(STATUS_1.length());
        assertThat(r.at("/declaredBase/name").asText()).isEqualTo("docker.io/library/base:1");
        assertThat(r.at("/declaredBase/source").asText()).isEqualTo("config-labels");
        assertThat(r.at("/declaredBase/digest").isMissingNode()).isTrue();
        assertThat(r.at("/base/image/tags/0").asText()).isEqualTo("base:1");
    }

    @Test
    void efficiencyGateExitsOneWhenNotMet() {
        String img = "app1:1";
        CliRun pass = CliRun.run("efficiency", "--data", data().toString(), img, "--max-wasted-bytes", "1MB",
                "--min-efficiency", "0.1");
        assertThat(pass.exitCode()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("built on base:1 (1 of 2 layers shared)").contains("/var/log/build.log");
        CliRun wasted = CliRun.run("efficiency", "--data", data().toString(), img, "--max-wasted-bytes", "1000");
        assertThat(wasted.exitCode()).as(wasted.out() + wasted.err()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(wasted.err()).contains("exceed --max-wasted-bytes 1000");
        CliRun ratio = CliRun.run("efficiency", "--data", data().toString(), img, "--min-efficiency", "0.99");
        assertThat(ratio.exitCode()).isEqualTo(ExitCodes.GATE_FAILED);
        CliRun bad = CliRun.run("efficiency", "--data", data().toString(), img, "--min-efficiency", "1.5");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(bad.err()).contains("--min-efficiency must be between 0 and 1");
        CliRun missing = CliRun.run("diff", "--data", data().toString(), img, "nosuch:tag");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err().strip()).isEqualTo("strata: error: no image 'nosuch:tag' in the index; scan it first");
    }

    @Test
    void dedupSharesLayersAndFindsContentInSeveralLayers() throws Exception {
        JsonNode r = json("dedup");
        long s0 = b0.length;
        long s1 = a1.length;
        assertThat(r.at("/totals/images").asInt()).isEqualTo(4);
        assertThat(r.at("/totals/layers").asInt()).isEqualTo(4);
        assertThat(r.at("/totals/logicalBytes").asLong()).isEqualTo(4 * s0 + 2 * s1 + a2.length + a3.length);
        assertThat(r.at("/totals/uniqueBytes").asLong()).isEqualTo(s0 + s1 + a2.length + a3.length);
        assertThat(r.at("/totals/savedBytes").asLong()).isEqualTo(3 * s0 + s1);

        JsonNode first = r.get("layers").get(0);
        assertThat(first.get("diffId").asText()).isEqualTo(base.diffIds().get(0).toString());
        assertThat(first.get("uses").asInt()).isEqualTo(4);
        assertThat(first.get("savedBytes").asLong()).isEqualTo(3 * s0);
        assertThat(first.get("images").findValuesAsText("")).isEmpty();
        assertThat(r.get("layers").get(1).get("images")).hasSize(2);

        // BIG is in three distinct layers (b0, a1, a2); SAME only in a2; STATUS/OS contents differ per layer
        assertThat(r.at("/fileTotals/contents").asLong()).isEqualTo(1);
        assertThat(r.at("/fileTotals/savedBytes").asLong()).isEqualTo(2L * BIG.length());
        JsonNode file = r.get("files").get(0);
        assertThat(file.get("sha256").asText()).isEqualTo(sha(BIG));
        assertThat(file.get("layerCount").asInt()).isEqualTo(3);
        assertThat(file.get("occurrences").findValuesAsText("path"))
                .containsExactlyInAnyOrder("/usr/lib/libbig.so", "/opt/app/libbig-copy.so", "/opt/app2/libbig.so");
        assertThat(file.get("images")).hasSize(4);

        JsonNode bases = r.get("bases");
        for (JsonNode b : bases) {
            String tag = b.at("/image/tags/0").asText();
            String expected = switch (tag) {
                case "app1:1", "app2:1" -> "base:1";
                case "app3:1" -> "app1:1";
                default -> "";
            };
            assertThat(b.at("/base/image/tags/0").asText()).as(tag).isEqualTo(expected);
            assertThat(b.at("/declaredBase/name").asText()).as(tag)
                    .isEqualTo(tag.equals("app2:1") ? "docker.io/library/base:1" : "");
        }
        assertThat(bases).hasSize(4);
    }

    @Test
    void diffListsLayersFilesAndPackageChanges() throws Exception {
        JsonNode r = json("diff", "app1:1", "app2:1");
        assertThat(r.at("/layers/sharedPrefix").asInt()).isEqualTo(1);
        assertThat(r.at("/layers/shared/0").asText()).isEqualTo(base.diffIds().get(0).toString());
        assertThat(r.at("/layers/onlyFrom/0").asText()).isEqualTo(app1.diffIds().get(1).toString());
        assertThat(r.at("/layers/onlyTo/0").asText()).isEqualTo(app2.diffIds().get(1).toString());

        assertThat(files(r.at("/files/addedPaths"), "toType"))
                .containsExactlyInAnyOrder("/opt/app2/libbig.so", "/opt/app2/a", "/opt/app2/b", "/var/log/build.log",
                        "/var/cache/apt/pkg1");
        assertThat(files(r.at("/files/removedPaths"), "fromType"))
                .containsExactlyInAnyOrder("/opt/app/libbig-copy.so", "/opt/app/run", "/var/cache/apt/pkg2");
        assertThat(r.at("/files/changedPaths").findValuesAsText("path"))
                .containsExactlyInAnyOrder("/etc/os-release", "/var/lib/dpkg/status");
        assertThat(r.at("/files/removedBytes").asLong()).isEqualTo(BIG.length() + RUN.length() + 2);

        assertThat(r.at("/packages/upgraded/0/name").asText()).isEqualTo("libfoo");
        assertThat(r.at("/packages/upgraded/0/from").asText()).isEqualTo("1.0-1");
        assertThat(r.at("/packages/upgraded/0/to").asText()).isEqualTo("1.0-2");
        assertThat(r.at("/packages/removed").findValuesAsText("name")).containsExactly("libbar");
        assertThat(r.at("/packages/added").findValuesAsText("name")).containsExactly("libnew");
        assertThat(r.at("/vulnerabilities/fixed").findValuesAsText("id")).containsExactly("CVE-2099-0001", "CVE-2099-0002");
        assertThat(r.at("/vulnerabilities/fixed/0/packageName").asText()).isEqualTo("libfoo");
        assertThat(r.at("/vulnerabilities/fixed/0/installedVersion").asText()).isEqualTo("1.0-1");
        assertThat(r.at("/vulnerabilities/introduced").findValuesAsText("id")).containsExactly("CVE-2099-0003");
        assertThat(r.at("/vulnerabilities/introduced/0/packageType").asText()).isEqualTo("deb");
        // the reverse direction swaps them; without the database only stored findings (same database) compare
        JsonNode back = json("diff", "app2:1", "app1:1", "--skip-db");
        assertThat(back.at("/vulnerabilities/introduced").findValuesAsText("id"))
                .containsExactly("CVE-2099-0001", "CVE-2099-0002");

        CliRun table = CliRun.run("diff", "--data", data().toString(), "app1:1", "app2:1");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("libfoo").contains("/opt/app2/libbig.so");
    }

    static List<String> files(JsonNode changes, String typeField) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : changes) {
            if ("file".equals(c.path(typeField).asText())) {
                out.add(c.get("path").asText());
            }
        }
        return out;
    }
}
