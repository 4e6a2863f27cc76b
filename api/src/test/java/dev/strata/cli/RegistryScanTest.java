package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata scan/pull/save/prune} against the real registry (anonymous access). */
class RegistryScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DEMO = Path.of(System.getProperty("strata.samples", "../samples"), "demo", "demo.tar");

    @TempDir
    static Path shared;
    static RegistryServer registry;
    static String demoDigest;
    static ImageFixtures.Index multiArch;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = RegistryServer.start(shared.resolve("registry"), null);
        registry.push("docker-archive:" + DEMO.toAbsolutePath(), "demo/app:1");
        demoDigest = JSON.readTree(RegistryServer.run(List.of("skopeo", "inspect", "--tls-verify=false",
                "docker://" + registry.host() + "/demo/app:1"))).get("Digest").asText();
        Path layout = shared.resolve("multi");
        multiArch = ImageFixtures.index(
                ImageFixtures.image().platform("linux/amd64").layer(new TarBuilder().file("etc/arch", "amd64\n").build(),
                        Compression.GZIP).build(),
                ImageFixtures.image().platform("linux/arm64").layer(new TarBuilder().file("etc/arch", "arm64\n").build(),
                        Compression.GZIP).build());
        ImageFixtures.layout().add(multiArch, "multi").writeDirectory(layout);
        registry.push("oci:" + layout + ":multi", "team/multi:2", "--all");
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
    }

    private Path data() {
        return tmp.resolve("data");
    }

    private String ref(String repoTag) {
        return registry.host() + "/" + repoTag;
    }

    private JsonNode scanJson(Path data, String reference, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", "--skip-db", "--data", data.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        args.add(reference);
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void scanOfARegistryImageMatchesTheLocalScan() throws Exception {
        JsonNode remote = scanJson(data(), ref("demo/app:1"));
        JsonNode local = scanJson(tmp.resolve("local"), DEMO.toAbsolutePath().toString());
        assertThat(remote.at("/image/reference").asText()).isEqualTo(registry.host() + "/demo/app:1");
        assertThat(remote.at("/image/digest").asText()).isEqualTo(demoDigest);
        assertThat(remote.at("/image/configDigest")).isEqualTo(local.at("/image/configDigest"));
        assertThat(remote.get("packages")).isEqualTo(local.get("packages"));
        assertThat(remote.get("os")).isEqualTo(local.get("os"));
        List<String> remoteDiffIds = new ArrayList<>();
        remote.get("layers").forEach(l -> remoteDiffIds.add(l.get("diffId").asText()));
        List<String> localDiffIds = new ArrayList<>();
        local.get("layers").forEach(l -> localDiffIds.add(l.get("diffId").asText()));
        assertThat(remoteDiffIds).isEqualTo(localDiffIds).hasSize(4);
        // every blob is in the store under its digest, nothing is left in tmp
        for (JsonNode l : remote.get("layers")) {
            String hex = l.get("digest").asText().substring("sha256:".length());
            assertThat(data().resolve("blobs/sha256/" + hex)).isRegularFile();
        }
        assertThat(data().resolve("blobs/sha256/" + demoDigest.substring(7))).isRegularFile();
        assertThat(partials(data())).isEmpty();

        JsonNode again = scanJson(data(), "docker://" + ref("demo/app:1"));
        assertThat(again.at("/stats/layersRead").asInt()).isZero();
        assertThat(again.at("/image/digest").asText()).isEqualTo(demoDigest);
    }

    static List<Path> partials(Path data) throws Exception {
        if (!Files.isDirectory(data.resolve("tmp"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(data.resolve("tmp"))) {
            return files.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void pullStoresBlobsOnceAndByDigest() throws Exception {
        CliRun first = CliRun.run("pull", "--data", data().toString(), ref("demo/app:1"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Digest " + demoDigest).contains("4 downloaded");
        CliRun second = CliRun.run("pull", "--data", data().toString(), ref("demo/app@" + demoDigest));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 downloaded").contains("4 already stored");
    }

    @Test
    void multiPlatformIndexesUseThePlatformOption() throws Exception {
        JsonNode arm = scanJson(data(), ref("team/multi:2"), "--platform", "linux/arm64");
        assertThat(arm.at("/image/platform").asText()).isEqualTo("linux/arm64");
        assertThat(arm.at("/image/digest").asText())
                .isEqualTo(((ImageFixtures.Image) multiArch.children().get(1)).manifestDigest().toString());
        CliRun none = CliRun.run("scan", "--skip-db", "--data", data().toString(), "--platform", "linux/s390x", ref("team/multi:2"));
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).startsWith("strata: error: no image for linux/s390x")
                .contains("linux/amd64, linux/arm64").doesNotContain("\n");
    }

    @Test
    void saveWritesADockerArchiveThatReadsBack() throws Exception {
        Path tar = tmp.resolve("out/demo.tar");
        CliRun save = CliRun.run("save", "--data", data().toString(), ref("demo/app:1"), "-o", tar.toString());
        assertThat(save.exitCode()).as(save.err()).isZero();
        assertThat(tar).isRegularFile();
        JsonNode back = scanJson(tmp.resolve("other"), "docker-archive:" + tar);
        assertThat(back.at("/image/digest").asText()).isEqualTo(demoDigest);
        assertThat(back.at("/image/repoTags/0").asText()).isEqualTo(registry.host() + "/demo/app:1");
        JsonNode local = scanJson(tmp.resolve("local"), DEMO.toAbsolutePath().toString());
        assertThat(back.get("packages")).isEqualTo(local.get("packages"));
        JsonNode inspect = JSON.readTree(RegistryServer.run(List.of("skopeo", "inspect", "docker-archive:" + tar)));
        assertThat(inspect.get("Layers")).hasSize(4);
        assertThat(inspect.get("Os").asText()).isEqualTo("linux");
        try (Stream<Path> files = Files.list(tar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("demo.tar");
        }
        // an image scanned from the registry is saved from the blob store alone, byte for byte the same tar
        scanJson(data(), ref("demo/app:1"));
        Path again = tmp.resolve("out/again.tar");
        CliRun fromStore = CliRun.run("save", "--data", data().toString(), demoDigest, "-o", again.toString());
        assertThat(fromStore.exitCode()).as(fromStore.err()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(tar));
        CliRun unknown = CliRun.run("save", "--data", data().toString(), "./nothing-here", "-o", again.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("strata: error: './nothing-here' is neither an image pulled from a registry");
    }

    @Test
    void pruneDeletesBlobsNoIndexedImageUses() throws Exception {
        assertThat(CliRun.run("pull", "--data", data().toString(), ref("team/multi:2")).exitCode()).isZero();
        scanJson(data(), ref("demo/app:1"));
        long before;
        try (Stream<Path> files = Files.list(data().resolve("blobs/sha256"))) {
            before = files.count();
        }
        CliRun prune = CliRun.run("prune", "--data", data().toString());
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        List<String> left;
        try (Stream<Path> files = Files.list(data().resolve("blobs/sha256"))) {
            left = files.map(p -> "sha256:" + p.getFileName()).toList();
        }
        // the demo image (manifest, config, 4 layers) stays; the multi-arch image's index, manifest, config, layer go
        assertThat(left).hasSize(6).contains(demoDigest);
        assertThat(before - left.size()).isEqualTo(4);
        assertThat(prune.out()).startsWith("Deleted 4 blob(s)");
    }

    @Test
    void missingRepositoryIsAOneLineError() {
        CliRun run = CliRun.run("scan", "--skip-db", "--data", data().toString(), ref("nope/nothing:1"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("strata: error: manifest " + registry.host() + "/nope/nothing:1 not found (404")
                .doesNotContain("\n");
    }
}
