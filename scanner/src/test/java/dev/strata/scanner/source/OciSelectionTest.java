package dev.strata.scanner.source;

import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.ImageFixtures.Image;
import dev.strata.scanner.testing.ImageFixtures.Index;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciSelectionTest {
    @TempDir
    Path tmp;

    private static Image img(String seed, String platform) {
        return ImageFixtures.image().layer(ImageFixtures.sampleLayer(seed), Compression.GZIP).platform(platform).build();
    }

    private static ResolvedImage resolve(String ref, Platform platform) throws Exception {
        try (ImageSource s = ImageSources.open(ref)) {
            return s.resolve(platform);
        }
    }

    @Test
    void selectsByRefNameWithColonAndByDigest() throws Exception {
        Image a = img("a", "linux/amd64");
        Image b = img("b", "linux/amd64");
        Path dir = ImageFixtures.layout().add(a, "app:1.2").add(b, "app:2.0").writeDirectory(tmp.resolve("l"));
        assertThat(resolve("oci:" + dir + ":app:1.2", Platform.LINUX_AMD64).manifestDigest()).isEqualTo(a.manifestDigest());
        assertThat(resolve("oci:" + dir + ":app:2.0", Platform.LINUX_AMD64).manifestDigest()).isEqualTo(b.manifestDigest());
        assertThat(resolve("oci:" + dir + ":" + b.manifestDigest(), Platform.LINUX_AMD64).configDigest())
                .isEqualTo(b.configDigest());
        assertThatThrownBy(() -> resolve("oci:" + dir + ":app:9", Platform.LINUX_AMD64))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("no image named 'app:9'").hasMessageContaining("app:1.2, app:2.0");
    }

    @Test
    void severalImagesWithoutRefPicksTheOnlyPlatformMatchElseListsRefs() throws Exception {
        Image amd = img("a", "linux/amd64");
        Image arm = img("b", "linux/arm64/v8");
        Path dir = ImageFixtures.layout().add(amd, "x:amd").add(arm, "x:arm").writeDirectory(tmp.resolve("l"));
        assertThat(resolve("oci:" + dir, Platform.parse("linux/arm64")).manifestDigest()).isEqualTo(arm.manifestDigest());
        assertThat(resolve("oci:" + dir, Platform.LINUX_AMD64).manifestDigest()).isEqualTo(amd.manifestDigest());

        Image amd2 = img("c", "linux/amd64");
        Path dir2 = ImageFixtures.layout().add(amd, "x:1").add(amd2, "x:2").writeDirectory(tmp.resolve("l2"));
        assertThatThrownBy(() -> resolve("oci:" + dir2, Platform.LINUX_AMD64))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("holds 2 images").hasMessageContaining("x:1, x:2");
    }

    @Test
    void platformFromIndexAndNestedIndex() throws Exception {
        Image amd = img("a", "linux/amd64");
        Image arm = img("b", "linux/arm64/v8");
        Image armv7 = img("c", "linux/arm/v7");
        Index inner = ImageFixtures.index(arm, armv7);
        Index outer = ImageFixtures.index(amd, inner);
        Path dir = ImageFixtures.layout().add(outer, "multi").writeDirectory(tmp.resolve("l"));
        Path archive = ImageFixtures.layout().add(outer, "multi").writeArchive(tmp.resolve("l.tar"));
        for (String base : new String[] {"oci:" + dir, "oci-archive:" + archive}) {
            assertThat(resolve(base, Platform.LINUX_AMD64).manifestDigest()).isEqualTo(amd.manifestDigest());
            assertThat(resolve(base + ":multi", Platform.parse("linux/arm64")).manifestDigest())
                    .isEqualTo(arm.manifestDigest());
            assertThat(resolve(base, Platform.parse("linux/arm/v7")).manifestDigest()).isEqualTo(armv7.manifestDigest());
            assertThatThrownBy(() -> resolve(base, Platform.parse("linux/s390x")))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessage("no image for linux/s390x in " + base.replace(":multi", "")
                            + "; available: linux/amd64, linux/arm64/v8, linux/arm/v7");
        }
    }

    @Test
    void dockerManifestListIsAnIndexToo() throws Exception {
        Image amd = ImageFixtures.image().dockerMediaTypes().layer(ImageFixtures.sampleLayer("a")).build();
        Image arm = ImageFixtures.image().dockerMediaTypes().layer(ImageFixtures.sampleLayer("b"))
                .platform("linux/arm64/v8").build();
        Path dir = ImageFixtures.layout().add(ImageFixtures.manifestList(amd, arm), null).writeDirectory(tmp.resolve("l"));
        ResolvedImage r = resolve("oci:" + dir, Platform.parse("linux/arm64/v8"));
        assertThat(r.manifestDigest()).isEqualTo(arm.manifestDigest());
        assertThat(r.manifest().mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
        assertThat(r.layers().get(0).mediaType()).isEqualTo(MediaTypes.DOCKER_LAYER_GZIP);
    }

    @Test
    void dockerArchiveTagSelectionAndErrorListsTags() throws Exception {
        Image a = img("a", "linux/amd64");
        Image b = img("b", "linux/amd64");
        Path file = ImageFixtures.dockerArchive().add(a, "docker.io/library/app:1", "app:latest").add(b, "other/x:2")
                .writeTo(tmp.resolve("s.tar"));
        assertThat(resolve("docker-archive:" + file + ":app:1", Platform.LINUX_AMD64).configDigest())
                .isEqualTo(a.configDigest());
        assertThat(resolve("docker-archive:" + file + ":app", Platform.LINUX_AMD64).configDigest())
                .isEqualTo(a.configDigest());
        assertThat(resolve("docker-archive:" + file + ":docker.io/other/x:2", Platform.LINUX_AMD64).configDigest())
                .isEqualTo(b.configDigest());
        assertThatThrownBy(() -> resolve("docker-archive:" + file, Platform.LINUX_AMD64))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("holds 2 images")
                .hasMessageContaining("docker.io/library/app:1, app:latest, other/x:2");
        assertThatThrownBy(() -> resolve("docker-archive:" + file + ":nope:1", Platform.LINUX_AMD64))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("no image tagged nope:1");
        assertThatThrownBy(() -> resolve("docker-archive:" + file + ":@5", Platform.LINUX_AMD64))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("@5 out of range");
    }
}
