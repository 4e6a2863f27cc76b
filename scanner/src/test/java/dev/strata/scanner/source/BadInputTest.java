package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.ImageFixtures.Image;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {
    @TempDir
    Path tmp;

    private final Image img = ImageFixtures.image().layer(ImageFixtures.sampleLayer("a"), Compression.GZIP).build();

    private static Path blob(Path dir, Digest d) {
        return dir.resolve("blobs/sha256/" + d.hex());
    }

    private static void resolve(String ref) throws Exception {
        try (ImageSource s = ImageSources.open(ref)) {
            s.resolve(Platform.LINUX_AMD64);
        }
    }

    /** A layout whose index.json names one manifest blob with the given bytes (correct digest and size). */
    private Path layoutWithManifest(byte[] manifest) throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        Digest d = Digest.sha256Of(manifest);
        Files.write(blob(dir, d), manifest);
        String index = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"digest\":\"" + d + "\",\"size\":" + manifest.length + "}]}";
        Files.writeString(dir.resolve("index.json"), index);
        return dir;
    }

    private Path layoutWithConfig(byte[] config) throws Exception {
        Digest c = Digest.sha256Of(config);
        String manifest = new String(img.manifest(), StandardCharsets.UTF_8)
                .replace(img.configDigest().toString(), c.toString())
                .replace("\"size\" : " + img.config().length + "\n", "\"size\" : " + config.length + "\n");
        Path dir = layoutWithManifest(manifest.getBytes(StandardCharsets.UTF_8));
        Files.write(blob(dir, c), config);
        return dir;
    }

    @Test
    void manifestNotJson() throws Exception {
        byte[] bad = "this is not json".getBytes(StandardCharsets.UTF_8);
        Path dir = layoutWithManifest(bad);
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("manifest " + Digest.sha256Of(bad)).hasMessageContaining("not valid JSON");
    }

    @Test
    void schema1Manifest() throws Exception {
        Path dir = layoutWithManifest("{\"schemaVersion\":1,\"fsLayers\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("Docker schema 1 manifests are not supported; re-push the image");
    }

    @Test
    void manifestMissingLayers() throws Exception {
        Path dir = layoutWithManifest(("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"" + MediaTypes.OCI_CONFIG
                + "\",\"digest\":\"" + img.configDigest() + "\",\"size\":" + img.config().length + "}}")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("no 'layers' array");
    }

    @Test
    void configNotJsonAndMissingRootfs() throws Exception {
        byte[] bad = "{{{".getBytes(StandardCharsets.UTF_8);
        Path dir = layoutWithConfig(bad);
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("image config " + Digest.sha256Of(bad)).hasMessageContaining("not valid JSON");
    }

    @Test
    void configMissingRootfs() throws Exception {
        byte[] cfg = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        Path dir = layoutWithConfig(cfg);
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("has no rootfs");
    }

    @Test
    void manifestDigestMismatch() throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        byte[] tampered = img.manifest().clone();
        tampered[tampered.length - 2] = ' ';
        Files.write(blob(dir, img.manifestDigest()), tampered);
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessage("digest mismatch: manifest blob " + img.manifestDigest() + " in oci:" + dir
                        + " has content digest " + Digest.sha256Of(tampered));
    }

    @Test
    void configDigestMismatch() throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        byte[] tampered = Arrays.copyOf(img.config(), img.config().length);
        tampered[0] = ' ';
        Files.write(blob(dir, img.configDigest()), tampered);
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("digest mismatch: config blob " + img.configDigest());
    }

    @Test
    void dockerArchiveConfigDigestMismatch() throws Exception {
        byte[] good = ImageFixtures.dockerArchive().add(img, "a:1").build();
        // flip a byte of the config JSON's whitespace inside the tar: find the config bytes and alter them
        byte[] tar = good.clone();
        int at = indexOf(tar, img.config());
        tar[at + 1] = (byte) (tar[at + 1] == ' ' ? '\n' : ' ');
        Path file = Files.write(tmp.resolve("bad.tar"), tar);
        assertThatThrownBy(() -> resolve("docker-archive:" + file)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("digest mismatch: config " + img.configDigest().hex() + ".json");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void missingLayerBlob() throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        Digest layer = img.layers().get(0).digest();
        Files.delete(blob(dir, layer));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ImageSource s = ImageSources.open("oci:" + dir)) {
            List<Descriptor> layers = s.resolve(Platform.LINUX_AMD64).layers();
            assertThatThrownBy(() -> s.readBlobs(layers, pool, (b, in) -> in.readAllBytes()))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessage("blob " + layer + " referenced by the manifest is missing from oci:" + dir);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manifestOver4MiBIsRefused() throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        Digest d = Digest.sha256Of(huge);
        Files.write(blob(dir, d), huge);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + d + "\",\"size\":" + huge.length + "}]}");
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("manifest blob " + d).hasMessageContaining("4 MiB");
    }

    @Test
    void missingConfigBlob() throws Exception {
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("l"));
        Files.delete(blob(dir, img.configDigest()));
        assertThatThrownBy(() -> resolve("oci:" + dir)).isInstanceOf(ImageFormatException.class)
                .hasMessage("config blob " + img.configDigest() + " is missing from oci:" + dir);
    }

    @Test
    void consumerFailureIsRethrownAfterAllTasksFinish() throws Exception {
        Image three = ImageFixtures.image().layer(ImageFixtures.sampleLayer("x")).layer(ImageFixtures.sampleLayer("y"))
                .layer(ImageFixtures.sampleLayer("z")).build();
        Path dir = ImageFixtures.layout().add(three, null).writeDirectory(tmp.resolve("l"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ImageSource s = ImageSources.open("oci:" + dir)) {
            List<Descriptor> layers = s.resolve(Platform.LINUX_AMD64).layers();
            assertThatThrownBy(() -> s.readBlobs(layers, pool, (b, in) -> {
                if (b.digest().equals(three.layers().get(1).digest())) {
                    throw new java.io.IOException("boom " + b.digest());
                }
                in.readAllBytes();
            })).isInstanceOf(java.io.IOException.class).hasMessage("boom " + three.layers().get(1).digest());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureStopsTheOtherRunningConsumersAndIsTheOneRethrown() throws Exception {
        byte[] big = new byte[2_000_000];
        new java.util.Random(1).nextBytes(big);
        Image two = ImageFixtures.image().layer(new TarBuilder().file("big", big).build(), Compression.NONE)
                .layer(ImageFixtures.sampleLayer("small"), Compression.NONE).build();
        Path dir = ImageFixtures.layout().add(two, null).writeDirectory(tmp.resolve("l"));
        Path archive = ImageFixtures.layout().add(two, null).writeArchive(tmp.resolve("l.tar"));
        for (String ref : List.of("oci:" + dir, "oci-archive:" + archive)) {
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> victim = new java.util.concurrent.atomic.AtomicReference<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (ImageSource s = ImageSources.open(ref)) {
                List<Descriptor> layers = s.resolve(Platform.LINUX_AMD64).layers();
                assertThatThrownBy(() -> s.readBlobs(layers, pool, (b, in) -> {
                    if (b.digest().equals(two.layers().get(0).digest())) {
                        started.countDown();
                        byte[] buf = new byte[1024];
                        try {
                            while (in.read(buf) >= 0) {
                                Thread.sleep(2); // about 4 s for the whole layer if nobody stops it
                            }
                        } catch (java.io.IOException e) {
                            victim.set(e);
                            throw e;
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    } else {
                        try {
                            started.await();
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                        throw new java.io.IOException("boom");
                    }
                })).as(ref).hasMessage("boom");
                assertThat(victim.get()).as(ref).isNotNull();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void truncatedTar() throws Exception {
        byte[] full = ImageFixtures.dockerArchive().add(img, "a:1").build();
        // cut inside a header, inside entry data, and exactly at an entry boundary
        for (int cut : new int[] {700, 1100, 1536, 3000, full.length / 2}) {
            Path file = Files.write(tmp.resolve("t" + cut + ".tar"), Arrays.copyOf(full, cut));
            assertThatThrownBy(() -> resolve("docker-archive:" + file)).as("cut at " + cut)
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining("truncated").hasMessageContaining(file.toString());
        }
    }

    @Test
    void truncatedGzipArchive() throws Exception {
        byte[] full = ImageFixtures.dockerArchive().gzip().add(img, "a:1").build();
        Path file = Files.write(tmp.resolve("t.tar.gz"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> resolve("docker-archive:" + file)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining(file.toString());
    }

    @Test
    void pathsThatDoNotExist() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> SourceReference.parse(missing.toString())).isInstanceOf(ImageFormatException.class)
                .hasMessage("no such file or directory: " + missing);
        assertThatThrownBy(() -> resolve("oci:" + missing)).isInstanceOf(ImageFormatException.class)
                .hasMessage("no such directory: " + missing);
        assertThatThrownBy(() -> resolve("docker-archive:" + missing + ":a:1")).isInstanceOf(ImageFormatException.class)
                .hasMessage("no such file: " + missing);
        assertThatThrownBy(() -> resolve("oci-archive:" + missing)).isInstanceOf(ImageFormatException.class)
                .hasMessage("no such file: " + missing);
    }

    @Test
    void probeRejectsUnknownFilesAndDirectories() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> SourceReference.parse(dir.toString())).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("not an OCI image layout");
        Path text = Files.writeString(tmp.resolve("x.txt"), "hello");
        assertThatThrownBy(() -> SourceReference.parse(text.toString())).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("not a docker-archive, oci-archive or OCI layout");
        Path otherTar = Files.write(tmp.resolve("o.tar"), new TarBuilder().file("a", "b").build());
        assertThatThrownBy(() -> SourceReference.parse(otherTar.toString())).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("no manifest.json");
    }

    @Test
    void manifestJsonNotJsonAndLayerCountMismatch() throws Exception {
        Path file = Files.write(tmp.resolve("m.tar"), new TarBuilder().file("manifest.json", "oops").build());
        assertThatThrownBy(() -> resolve("docker-archive:" + file)).isInstanceOf(ImageFormatException.class)
                .hasMessage("manifest.json in docker-archive:" + file + " is not valid JSON");
        String mj = "[{\"Config\":\"" + img.configDigest().hex() + ".json\",\"RepoTags\":[],\"Layers\":[]}]";
        Path file2 = Files.write(tmp.resolve("m2.tar"), new TarBuilder().file("manifest.json", mj)
                .file(img.configDigest().hex() + ".json", img.config()).build());
        assertThatThrownBy(() -> resolve("docker-archive:" + file2)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("lists 0 layers but config").hasMessageContaining("1 diff_ids");
    }
}
