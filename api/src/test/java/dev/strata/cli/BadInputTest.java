package dev.strata.cli;

import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input named by the foundation issue gives exit code 2, one line on stderr naming the
 * problem, no indexed image, no partial layer, and nothing written outside the data directory.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private static byte[] goodTar() {
        return new TarBuilder().dir("etc").file("etc/hostname", "box\n").file("etc/motd", "x".repeat(2000)).build();
    }

    private static Digest sha(byte[] b) {
        return ImageFixtures.sha256(b);
    }

    /** Writes an image whose top layer is {@code bad} (below a good layer) and asserts the scan fails cleanly. */
    private CliRun scanFailing(ImageFixtures.ImageBuilder builder, String... expectedFragments) throws IOException {
        Path layout = tmp.resolve("in");
        builder.writeOciLayout(layout);
        return assertFailsCleanly("oci:" + layout, expectedFragments);
    }

    private CliRun assertFailsCleanly(String reference, String... expectedFragments) throws IOException {
        Path data = tmp.resolve("data");
        List<Path> before = listOutsideData(data);
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data.toString(), reference);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("strata: error: ");
        for (String fragment : expectedFragments) {
            assertThat(run.err()).containsIgnoringCase(fragment);
        }
        assertThat(listOutsideData(data)).isEqualTo(before);
        if (Files.exists(data)) {
            try (StrataIndex index = StrataIndex.open(data)) {
                assertThat(index.images()).isEmpty();
            }
        }
        return run;
    }

    private List<Path> listOutsideData(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(p -> !p.startsWith(data)).sorted().toList();
        }
    }

    @Test
    void truncatedGzipLayer() throws IOException {
        byte[] tar = new TarBuilder().file("usr/share/big", "0123456789".repeat(20_000)).build();
        byte[] gz = TarBuilder.gzip(tar);
        scanFailing(ImageFixtures.image().layer(goodTar())
                .rawLayer(Arrays.copyOf(gz, gz.length / 2), Compression.GZIP, sha(tar)), "layer 1", "gzip");
    }

    @Test
    void truncatedZstdLayer() throws IOException {
        byte[] tar = new TarBuilder().file("a", "a".repeat(100_000) + "b".repeat(5000)).build();
        byte[] zst = TarBuilder.zstd(tar);
        scanFailing(ImageFixtures.image().rawLayer(Arrays.copyOf(zst, zst.length - 20), Compression.ZSTD, sha(tar)),
                "layer 0", "zstd");
    }

    @Test
    void tarCutMidEntry() throws IOException {
        byte[] tar = goodTar();
        byte[] cut = Arrays.copyOf(tar, 512 * 4 + 100);
        CliRun run = scanFailing(ImageFixtures.image().rawLayer(cut, Compression.NONE, sha(tar)), "layer 0", "truncated");
        assertThat(run.err()).contains("etc/motd");
    }

    @Test
    void blobDigestMismatch() throws IOException {
        Path layout = tmp.resolve("in");
        ImageFixtures.Image img = ImageFixtures.image().layer(goodTar(), Compression.NONE).writeOciLayout(layout);
        Path blob = layout.resolve("blobs/sha256/" + img.layers().get(0).digest().hex());
        byte[] tampered = Files.readAllBytes(blob);
        tampered[512 * 3 + 10] ^= 1; // a byte of /etc/motd's content: same size, still a valid tar
        Files.write(blob, tampered);
        assertFailsCleanly("oci:" + layout, "layer 0", img.layers().get(0).digest().toString(), "digest");
    }

    @Test
    void blobSizeMismatch() throws IOException {
        Path layout = tmp.resolve("in");
        ImageFixtures.Image img = ImageFixtures.image().layer(goodTar()).writeOciLayout(layout);
        Path blob = layout.resolve("blobs/sha256/" + img.layers().get(0).digest().hex());
        Files.write(blob, TarBuilder.gzip(new TarBuilder().file("etc/hostname", "evil\n").build()));
        assertFailsCleanly("oci:" + layout, img.layers().get(0).digest().toString(), "bytes");
    }

    @Test
    void diffIdMismatch() throws IOException {
        byte[] other = new TarBuilder().file("x", "y").build();
        scanFailing(ImageFixtures.image().rawLayer(TarBuilder.gzip(goodTar()), Compression.GZIP, sha(other)),
                "layer 0", "diffid", sha(other).toString());
    }

    private static ImageFixtures.ImageBuilder withLayer(TarBuilder tar) {
        return ImageFixtures.image().layer(tar.build());
    }

    @Test
    void dotDotEntry() throws IOException {
        scanFailing(withLayer(new TarBuilder().file("etc/ok", "1").file("../escape", "x")), "../escape");
    }

    @Test
    void absoluteEntry() throws IOException {
        TarArchiveEntry abs = new TarArchiveEntry("/etc/shadow", true);
        abs.setSize(1);
        scanFailing(withLayer(new TarBuilder().add(abs, new byte[] {'x'})), "/etc/shadow");
    }

    @Test
    void duplicateEntry() throws IOException {
        scanFailing(withLayer(new TarBuilder().file("etc/a", "1").file("etc/a", "2")), "duplicate", "etc/a");
    }

    @Test
    void hardLinkToMissingTarget() throws IOException {
        scanFailing(withLayer(new TarBuilder().hardlink("bin/sh", "bin/busybox")), "bin/sh", "bin/busybox");
    }

    @Test
    void symlinkLoop() throws IOException {
        scanFailing(withLayer(new TarBuilder().symlink("a", "b").symlink("b", "a")), "symlink loop");
    }

    @Test
    void gzipBomb() throws IOException {
        byte[] zeros = new byte[64 << 20];
        byte[] tar = new TarBuilder().file("zeros", zeros).build();
        Path layout = tmp.resolve("in");
        ImageFixtures.image().layer(tar).writeOciLayout(layout);
        assertFailsCleanly("oci:" + layout, "layer 0", "bomb");
    }

    @Test
    void layerLargerThanTheConfiguredLimit() throws IOException {
        Path layout = tmp.resolve("in");
        ImageFixtures.image().layer(goodTar()).writeOciLayout(layout);
        Path data = tmp.resolve("data");
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data.toString(), "--max-layer-size", "4KiB", "oci:" + layout);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("layer 0").containsIgnoringCase("limit");
    }

    @Test
    void manifestThatIsNotJson() throws IOException {
        writeLayoutPointingAt("this is not json".getBytes(StandardCharsets.UTF_8));
        assertFailsCleanly("oci:" + tmp.resolve("in"), "json");
    }

    @Test
    void configWithoutRootfs() throws IOException {
        Path layout = tmp.resolve("in");
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.write(layout.resolve("blobs/sha256/" + sha(config).hex()), config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + sha(config) + "\",\"size\":" + config.length + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
        writeLayoutPointingAt(manifest);
        assertFailsCleanly("oci:" + layout, "rootfs");
    }

    @Test
    void missingFileAndUnknownTransport() throws IOException {
        assertFailsCleanly(tmp.resolve("nope.tar").toString(), "nope.tar");
        assertFailsCleanly("ftp:somewhere", "ftp");
    }

    private void writeLayoutPointingAt(byte[] manifest) throws IOException {
        Path layout = tmp.resolve("in");
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.write(layout.resolve("blobs/sha256/" + sha(manifest).hex()), manifest);
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + sha(manifest) + "\",\"size\":"
                + manifest.length + "}]}");
    }

    @Test
    void malformedPackageFilesAreWarningsNotFailures() throws IOException {
        byte[] layer = new TarBuilder()
                .file("app/node_modules/broken/package.json", "{ this is not json")
                .file("app/node_modules/fine/package.json", "{\"name\":\"fine\",\"version\":\"1.0.0\"}")
                .file("app/lib/garbage.jar", "not a zip at all".repeat(10))
                .file("usr/lib/python3/dist-packages/x-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: x\n")
                .build();
        Path layout = tmp.resolve("in");
        ImageFixtures.image().layer(layer).writeOciLayout(layout);
        CliRun run = CliRun.run("scan", "--skip-db", "--data", tmp.resolve("data").toString(), "--format", "json", "oci:" + layout);
        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.get("packages")).extracting(p -> p.get("purl").asText()).containsExactly("pkg:npm/fine@1.0.0");
        String warnings = report.get("warnings").toString();
        assertThat(warnings).contains("/app/node_modules/broken/package.json", "/app/lib/garbage.jar",
                "/usr/lib/python3/dist-packages/x-1.0.dist-info/METADATA");
    }
}
