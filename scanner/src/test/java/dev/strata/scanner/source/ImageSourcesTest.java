package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.ImageFixtures.Image;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.strata.scanner.source.SourceTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;

class ImageSourcesTest {
    @TempDir
    Path tmp;

    private static Image twoLayers(Compression c) {
        return ImageFixtures.image()
                .layer(ImageFixtures.sampleLayer("one"), c)
                .layer(new TarBuilder().dir("usr").file("usr/two", "2").symlink("usr/link", "two").build(), c)
                .label("org.opencontainers.image.version", "1.2").user("app")
                .build();
    }

    private static void assertOciImage(ResolvedImage r, Image img, String reference) {
        assertThat(r.reference()).isEqualTo(reference);
        assertThat(r.manifestDigest()).isEqualTo(img.manifestDigest());
        assertThat(r.configDigest()).isEqualTo(img.configDigest());
        assertThat(r.rawConfig()).isEqualTo(img.config());
        assertThat(r.config().diffIds()).isEqualTo(img.diffIds());
        assertThat(r.config().config().user()).isEqualTo("app");
        assertThat(r.config().config().labels()).containsEntry("org.opencontainers.image.version", "1.2");
        assertThat(r.layers()).extracting(Descriptor::digest)
                .containsExactlyElementsOf(img.layers().stream().map(ImageFixtures.Layer::digest).toList());
        assertThat(r.layers()).extracting(Descriptor::mediaType)
                .containsExactlyElementsOf(img.layers().stream().map(ImageFixtures.Layer::mediaType).toList());
    }

    private static void assertBlobsRead(ImageSource source, ResolvedImage r) throws Exception {
        Map<Digest, Digest> hashes = readAll(source, r.layers());
        for (Descriptor d : r.layers()) {
            assertThat(hashes.get(d.digest())).isEqualTo(d.digest());
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void ociLayoutDirectory(Compression c) throws Exception {
        Image img = twoLayers(c);
        Path dir = ImageFixtures.layout().add(img, "app:1.2").writeDirectory(tmp.resolve("layout"));
        SourceReference ref = SourceReference.parse(dir.toString());
        assertThat(ref).isEqualTo(new SourceReference.OciLayout(dir, null));
        try (ImageSource source = ImageSources.open(ref)) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertOciImage(r, img, "oci:" + dir);
            assertThat(r.repoTags()).containsExactly("app:1.2");
            assertBlobsRead(source, r);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void ociArchive(Compression c) throws Exception {
        Image img = twoLayers(c);
        Path file = ImageFixtures.layout().add(img, "app:1.2").writeArchive(tmp.resolve("img.tar"));
        assertThat(SourceReference.parse(file.toString())).isEqualTo(new SourceReference.OciArchive(file, null));
        try (ImageSource source = ImageSources.open("oci-archive:" + file + ":app:1.2")) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertOciImage(r, img, "oci-archive:" + file + ":app:1.2");
            assertBlobsRead(source, r);
        }
    }

    @Test
    void gzipCompressedOciArchiveAndShortcutWriters() throws Exception {
        Image img = twoLayers(Compression.ZSTD);
        byte[] tar = ImageFixtures.layout().add(img, "app:1.2").archive();
        Path file = java.nio.file.Files.write(tmp.resolve("oci.tar.gz"), TarBuilder.gzip(tar));
        try (ImageSource source = ImageSources.open("oci-archive:" + file + ":app:1.2")) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertOciImage(r, img, "oci-archive:" + file + ":app:1.2");
            assertBlobsRead(source, r);
        }
        Image viaShortcut = ImageFixtures.image().layer(ImageFixtures.sampleLayer("s"), Compression.GZIP)
                .platform("linux/arm64/v8").writeOciLayout(tmp.resolve("shortcut"));
        try (ImageSource source = ImageSources.open(tmp.resolve("shortcut").toString())) {
            ResolvedImage r = source.resolve(Platform.parse("linux/arm64"));
            assertThat(r.manifestDigest()).isEqualTo(viaShortcut.manifestDigest());
            assertThat(r.config().platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
        }
    }

    @Test
    void readBlobsAlsoDeliversConfigAndManifestBlobs() throws Exception {
        Image img = twoLayers(Compression.GZIP);
        Path dir = ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("layout"));
        try (ImageSource source = ImageSources.open("oci:" + dir)) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            List<Descriptor> all = new java.util.ArrayList<>(r.layers());
            all.add(r.manifest().config());
            Map<Digest, Digest> hashes = readAll(source, all);
            assertThat(hashes.get(img.configDigest())).isEqualTo(img.configDigest());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void legacyDockerArchive(Compression archiveCompression) throws Exception {
        Image img = twoLayers(Compression.GZIP);
        Image other = ImageFixtures.image().layer(ImageFixtures.sampleLayer("other")).build();
        var builder = ImageFixtures.dockerArchive().add(other, "other:1").add(img, "docker.io/library/app:1.2");
        if (archiveCompression == Compression.GZIP) {
            builder.gzip();
        }
        Path file = builder.writeTo(tmp.resolve("save.tar"));
        assertThat(SourceReference.parse(file.toString())).isEqualTo(new SourceReference.DockerArchive(file));
        byte[] expectedManifest = ImageFixtures.expectedLegacyManifest(img);
        try (ImageSource source = ImageSources.open("docker-archive:" + file + ":app:1.2")) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertThat(r.reference()).isEqualTo("docker-archive:" + file + ":app:1.2");
            assertThat(r.manifestDigest()).isEqualTo(Digest.sha256Of(expectedManifest));
            assertThat(r.manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
            assertThat(r.configDigest()).isEqualTo(img.configDigest());
            assertThat(r.config().diffIds()).isEqualTo(img.diffIds());
            assertThat(r.repoTags()).containsExactly("docker.io/library/app:1.2");
            assertThat(r.layers()).extracting(Descriptor::digest).containsExactlyElementsOf(img.diffIds());
            assertThat(r.layers()).extracting(Descriptor::mediaType).containsOnly(MediaTypes.DOCKER_LAYER_TAR);
            assertThat(r.layers()).extracting(Descriptor::size)
                    .containsExactly((long) img.layers().get(0).tar().length, (long) img.layers().get(1).tar().length);
            // legacy layer.tar files are plain tars: their sha256 is the diffID
            assertBlobsRead(source, r);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void docker25Archive(Compression archiveCompression) throws Exception {
        Image img = twoLayers(Compression.ZSTD);
        Image other = ImageFixtures.image().layer(ImageFixtures.sampleLayer("other"), Compression.NONE).build();
        var builder = ImageFixtures.dockerArchive().docker25().add(img, "app:1.2").add(other, "other:1");
        if (archiveCompression == Compression.GZIP) {
            builder.gzip();
        }
        Path file = builder.writeTo(tmp.resolve("save25.tar"));
        try (ImageSource source = ImageSources.open("docker-archive:" + file + ":docker.io/library/app:1.2")) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertOciImage(r, img, "docker-archive:" + file + ":docker.io/library/app:1.2");
            assertThat(r.repoTags()).containsExactly("app:1.2");
            assertBlobsRead(source, r);
        }
    }

    @Test
    void docker25WithoutRepoTagsTakesTagsFromIndexAnnotations() throws Exception {
        Image img = twoLayers(Compression.GZIP);
        Path file = ImageFixtures.dockerArchive().docker25().omitRepoTags().add(img, "app:1.2")
                .writeTo(tmp.resolve("a.tar"));
        try (ImageSource source = ImageSources.open(file.toString())) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertThat(r.manifestDigest()).isEqualTo(img.manifestDigest());
            assertThat(r.repoTags()).containsExactly("docker.io/library/app:1.2");
        }
        // the same tar read as an oci-archive also finds the image and its name
        try (ImageSource source = ImageSources.open("oci-archive:" + file)) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertThat(r.manifestDigest()).isEqualTo(img.manifestDigest());
            assertThat(r.repoTags()).containsExactly("docker.io/library/app:1.2");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "GZIP"})
    void manyLayersReadInParallelFromEveryRandomAccessFormat(Compression layerCompression) throws Exception {
        var builder = ImageFixtures.image();
        for (int i = 0; i < 12; i++) {
            byte[] big = new byte[200_000 + i];
            new java.util.Random(i).nextBytes(big);
            builder.layer(new TarBuilder().file("f" + i, big).build(), layerCompression);
        }
        Image img = builder.build();
        List<String> refs = List.of(
                "oci:" + ImageFixtures.layout().add(img, null).writeDirectory(tmp.resolve("d")),
                "oci-archive:" + ImageFixtures.layout().add(img, null).writeArchive(tmp.resolve("o.tar")),
                "docker-archive:" + ImageFixtures.dockerArchive().add(img, "x:1").writeTo(tmp.resolve("l.tar")),
                "docker-archive:" + ImageFixtures.dockerArchive().docker25().add(img, "x:1").writeTo(tmp.resolve("n.tar")));
        for (String ref : refs) {
            try (ImageSource source = ImageSources.open(ref)) {
                ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
                assertThat(r.layers()).hasSize(12);
                assertBlobsRead(source, r);
            }
        }
    }

    @Test
    void dockerArchiveSingleImageNeedsNoTagAndIndexSelects() throws Exception {
        Image a = ImageFixtures.image().layer(ImageFixtures.sampleLayer("a")).build();
        Image b = ImageFixtures.image().layer(ImageFixtures.sampleLayer("b")).build();
        Path single = ImageFixtures.dockerArchive().add(a).writeTo(tmp.resolve("single.tar"));
        try (ImageSource source = ImageSources.open(single.toString())) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            assertThat(r.configDigest()).isEqualTo(a.configDigest());
            assertThat(r.repoTags()).isEmpty();
            assertThat(r.reference()).isEqualTo("docker-archive:" + single);
        }
        Path two = ImageFixtures.dockerArchive().add(a, "a:1").add(b, "b:1").writeTo(tmp.resolve("two.tar"));
        try (ImageSource source = ImageSources.open("docker-archive:" + two + ":@1")) {
            assertThat(source.resolve(Platform.LINUX_AMD64).configDigest()).isEqualTo(b.configDigest());
        }
    }

    @Test
    void gzipLegacyArchiveDeliversBlobsInArchiveOrderOnCallingThread() throws Exception {
        Image img = twoLayers(Compression.NONE);
        Path file = ImageFixtures.dockerArchive().gzip().add(img, "app:1").writeTo(tmp.resolve("g.tar.gz"));
        try (ImageSource source = ImageSources.open(file.toString())) {
            ResolvedImage r = source.resolve(Platform.LINUX_AMD64);
            Thread caller = Thread.currentThread();
            List<Digest> order = new java.util.ArrayList<>();
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                // ask in reverse order: a sequential source still delivers in archive order
                source.readBlobs(List.of(r.layers().get(1), r.layers().get(0)), pool, (blob, in) -> {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    assertThat(Digest.sha256Of(in.readAllBytes())).isEqualTo(blob.digest());
                    order.add(blob.digest());
                });
            } finally {
                pool.shutdownNow();
            }
            assertThat(order).containsExactly(img.diffIds().get(0), img.diffIds().get(1));
        }
    }
}
