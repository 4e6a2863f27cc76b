package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    private static byte[] baseLayer() {
        return new TarBuilder().dir("etc").file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n").dir("usr/bin").file("usr/bin/tool", "#!/bin/sh\n")
                .symlink("usr/bin/alias", "tool").build();
    }

    private static byte[] appLayer() {
        return new TarBuilder().dir("app").file("app/main.py", "print('hi')\n").whiteout("etc/passwd")
                .file("etc/os-release", "ID=debian\nVERSION_ID=12\nPRETTY_NAME=x\n").build();
    }

    private JsonNode scanJson(String reference) throws Exception {
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data().toString(), "--format", "json", reference);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void scanReportsTheImageItsLayersAndTheirChanges() throws Exception {
        ImageFixtures.Image img = ImageFixtures.image().layer(baseLayer(), Compression.GZIP)
                .layer(appLayer(), Compression.ZSTD).writeOciLayout(tmp.resolve("layout"));

        JsonNode report = scanJson("oci:" + tmp.resolve("layout"));

        assertThat(report.at("/image/digest").asText()).isEqualTo(img.manifestDigest().toString());
        assertThat(report.at("/image/configDigest").asText()).isEqualTo(img.configDigest().toString());
        assertThat(report.at("/image/platform").asText()).isEqualTo("linux/amd64");
        assertThat(report.at("/image/reference").asText()).startsWith("oci:" + tmp.resolve("layout"));
        JsonNode layers = report.get("layers");
        assertThat(layers).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ImageFixtures.Layer expected = img.layers().get(i);
            assertThat(layers.get(i).get("digest").asText()).isEqualTo(expected.digest().toString());
            assertThat(layers.get(i).get("diffId").asText()).isEqualTo(expected.diffId().toString());
            assertThat(layers.get(i).get("size").asLong()).isEqualTo(expected.blob().length);
            assertThat(layers.get(i).get("uncompressedSize").asLong()).isEqualTo(expected.tar().length);
            assertThat(layers.get(i).get("createdBy").asText()).isEqualTo("layer " + i);
        }
        assertThat(layers.get(0).get("fileCount").asLong()).isEqualTo(3);
        assertThat(layers.get(1).get("fileCount").asLong()).isEqualTo(2);
        JsonNode top = layers.get(1).get("changes");
        assertThat(top.get("added").asInt()).isEqualTo(2); // /app, /app/main.py
        assertThat(top.get("modified").asInt()).isEqualTo(1); // /etc/os-release
        assertThat(top.get("deleted").asInt()).isEqualTo(1); // /etc/passwd
        assertThat(top.get("deletedBytes").asLong()).isEqualTo("root:x:0:0::/root:/bin/sh\n".length());
        // final filesystem: os-release (new), tool, main.py
        assertThat(report.at("/image/fileCount").asLong()).isEqualTo(3);
        assertThat(report.at("/stats/layersRead").asInt()).isEqualTo(2);
    }

    @Test
    void rescanReadsNoLayerAndSharedLayersAreReadOnce() throws Exception {
        ImageFixtures.image().layer(baseLayer()).writeOciLayout(tmp.resolve("base"));
        ImageFixtures.Image app = ImageFixtures.image().layer(baseLayer()).layer(appLayer())
                .writeDockerArchive(tmp.resolve("app.tar"), "example/app:1.0");

        assertThat(scanJson(tmp.resolve("base").toString()).at("/stats/layersRead").asInt()).isEqualTo(1);
        JsonNode second = scanJson("docker-archive:" + tmp.resolve("app.tar"));
        assertThat(second.at("/stats/layersRead").asInt()).isEqualTo(1);
        assertThat(second.at("/stats/layersReused").asInt()).isEqualTo(1);
        assertThat(second.at("/layers/0/cached").asBoolean()).isTrue();
        assertThat(second.at("/layers/1/diffId").asText()).isEqualTo(app.diffIds().get(1).toString());
        assertThat(second.at("/image/repoTags/0").asText()).isEqualTo("example/app:1.0");

        JsonNode again = scanJson("docker-archive:" + tmp.resolve("app.tar"));
        assertThat(again.at("/stats/layersRead").asInt()).isZero();
        assertThat(again.at("/stats/bytesRead").asLong()).isZero();
        assertThat(again.at("/layers/1/changes")).isEqualTo(second.at("/layers/1/changes"));
    }

    @Test
    void inspectHistoryLayersImagesAndRemove() throws Exception {
        ImageFixtures.Image base = ImageFixtures.image().layer(baseLayer()).env("LANG=C.UTF-8").user("app")
                .label("org.opencontainers.image.title", "demo").writeOciLayout(tmp.resolve("base"));
        ImageFixtures.Image app = ImageFixtures.image().layer(baseLayer()).layer(appLayer())
                .writeOciArchive(tmp.resolve("app.oci.tar"));
        String d = data().toString();

        CliRun inspect = CliRun.run("inspect", "--data", d, "oci:" + tmp.resolve("base"));
        assertThat(inspect.exitCode()).isZero();
        JsonNode doc = JSON.readTree(inspect.out()).get(0);
        assertThat(doc.get("Id").asText()).isEqualTo(base.configDigest().toString());
        assertThat(doc.get("Os").asText()).isEqualTo("linux");
        assertThat(doc.get("Architecture").asText()).isEqualTo("amd64");
        assertThat(doc.at("/Config/User").asText()).isEqualTo("app");
        assertThat(doc.at("/Config/Env/1").asText()).isEqualTo("LANG=C.UTF-8");
        assertThat(doc.at("/Config/Labels/org.opencontainers.image.title").asText()).isEqualTo("demo");
        assertThat(doc.at("/Config/ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(doc.at("/RootFS/Layers/0").asText()).isEqualTo(base.diffIds().get(0).toString());

        CliRun history = CliRun.run("history", "--data", d, "oci-archive:" + tmp.resolve("app.oci.tar"));
        assertThat(history.exitCode()).isZero();
        List<String> lines = history.out().lines().toList();
        assertThat(lines).hasSize(4); // header, CMD (empty), layer 1, layer 0 — newest first
        assertThat(lines.get(1)).startsWith("<empty>").contains("CMD");
        assertThat(lines.get(2)).startsWith("#1").contains("layer 1");

        CliRun layers = CliRun.run("layers", "--data", d, "--format", "json", app.manifestDigest().toString());
        assertThat(layers.exitCode()).isZero();
        assertThat(JSON.readTree(layers.out()).get(1).at("/changes/deleted").asInt()).isEqualTo(1);

        CliRun images = CliRun.run("images", "--data", d, "--format", "json");
        JsonNode list = JSON.readTree(images.out());
        assertThat(list).hasSize(2);

        CliRun rm = CliRun.run("rm", "--data", d, app.manifestDigest().hex().substring(0, 12));
        assertThat(rm.exitCode()).isZero();
        assertThat(rm.out()).contains("1 layer(s)");
        JsonNode after = JSON.readTree(CliRun.run("images", "--data", d, "--format", "json").out());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("digest").asText()).isEqualTo(base.manifestDigest().toString());
        // the shared base layer survived: re-scanning the base reads nothing
        assertThat(scanJson("oci:" + tmp.resolve("base")).at("/stats/layersRead").asInt()).isZero();
    }

    @Test
    void outputFileAndHelp() throws Exception {
        ImageFixtures.image().layer(baseLayer()).writeOciLayout(tmp.resolve("base"));
        Path out = tmp.resolve("report.json");
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data().toString(), "--format", "json", "-o", out.toString(),
                tmp.resolve("base").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).at("/layers/0/fileCount").asInt()).isEqualTo(3);

        CliRun help = CliRun.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("scan", "inspect", "history", "layers", "images", "rm");
    }

    @Test
    void tableOutputSummarisesTheScan() throws Exception {
        ImageFixtures.Image img = ImageFixtures.image().layer(baseLayer()).writeOciLayout(tmp.resolve("base"));
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data().toString(), tmp.resolve("base").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Digest    " + img.manifestDigest())
                .contains(img.diffIds().get(0).hex().substring(0, 12))
                .contains("1 layer(s) read");
        List<String> rows = new ArrayList<>(run.out().lines().filter(l -> l.startsWith("0  ")).toList());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("layer 0");
    }

    @Test
    void packagesAreDetectedAttributedToTheirLayerAndWrittenAsSboms() throws Exception {
        String status = """
                Package: zlib1g
                Status: install ok installed
                Architecture: amd64
                Source: zlib
                Version: 1:1.2.13.dfsg-1
                Maintainer: Mark Brown <broonie@debian.org>

                Package: gone
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 1.0

                """;
        byte[] os = new TarBuilder().dir("etc").file("etc/os-release",
                "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                .file("var/lib/dpkg/status", status).build();
        byte[] app = new TarBuilder().file("app/node_modules/@scope/left-pad/package.json",
                "{\"name\":\"@scope/left-pad\",\"version\":\"1.3.0\",\"license\":\"WTFPL\"}")
                .file("app/package-lock.json", "{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{\"\":{\"name\":\"app\"},"
                        + "\"node_modules/@scope/left-pad\":{\"version\":\"1.3.0\",\"dev\":true}}}").build();
        ImageFixtures.Image img = ImageFixtures.image().layer(os).layer(app).writeOciLayout(tmp.resolve("layout"));

        JsonNode report = scanJson("oci:" + tmp.resolve("layout"));
        assertThat(report.at("/os/distro").asText()).isEqualTo("debian-12");
        JsonNode packages = report.get("packages");
        assertThat(packages).hasSize(2);
        assertThat(packages.get(0).get("purl").asText()).isEqualTo("pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1");
        assertThat(packages.get(0).get("sourceName").asText()).isEqualTo("zlib");
        assertThat(packages.get(0).get("layerDiffId").asText()).isEqualTo(img.diffIds().get(0).toString());
        assertThat(packages.get(1).get("purl").asText()).isEqualTo("pkg:npm/%40scope/left-pad@1.3.0");
        assertThat(packages.get(1).get("layerDiffId").asText()).isEqualTo(img.diffIds().get(1).toString());
        assertThat(packages.get(1).get("scope").asText()).isEqualTo("dev");
        assertThat(packages.get(0).has("scope")).isFalse();

        CliRun cdx = CliRun.run("sbom", "--data", data().toString(), img.manifestDigest().toString());
        assertThat(cdx.exitCode()).as(cdx.err()).isZero();
        JsonNode bom = JSON.readTree(cdx.out());
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.get("components").findValuesAsText("purl"))
                .contains(packages.get(0).get("purl").asText(), packages.get(1).get("purl").asText());

        CliRun spdx = CliRun.run("scan", "--skip-db", "--data", data().toString(), "--format", "spdx", "oci:" + tmp.resolve("layout"));
        assertThat(spdx.exitCode()).as(spdx.err()).isZero();
        assertThat(JSON.readTree(spdx.out()).get("spdxVersion").asText()).isEqualTo("SPDX-2.3");

        CliRun search = CliRun.run("search", "--data", data().toString(), "--format", "json", "pkg:npm/%40scope/left-pad");
        assertThat(JSON.readTree(search.out())).extracting(n -> n.get("version").asText()).containsExactly("1.3.0");
    }
}
