package dev.strata.cli;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.RegistryServer;
import dev.strata.scanner.testing.TarBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Small real images built in-process and pushed with skopeo, for the registry tests. */
final class RegistryTestImages {
    private RegistryTestImages() {
    }

    /** Two layers: a tiny os-release layer and one ~600 KiB layer of incompressible bytes. */
    static ImageFixtures.Image small() {
        byte[] noise = new byte[600 * 1024];
        new Random(7).nextBytes(noise);
        return ImageFixtures.image().platform("linux/amd64")
                .layer(new TarBuilder().dir("etc").file("etc/os-release", "ID=debian\nVERSION_ID=12\n").build(),
                        Compression.GZIP)
                .layer(new TarBuilder().dir("data").file("data/noise.bin", noise).build(), Compression.GZIP)
                .build();
    }

    /** Writes {@code image} as an OCI layout under {@code dir} and pushes it to {@code repoTag}. */
    static void push(RegistryServer registry, ImageFixtures.Image image, Path dir, String repoTag) throws Exception {
        ImageFixtures.layout().add(image, "img").writeDirectory(dir);
        registry.push("oci:" + dir + ":img", repoTag);
    }

    /** The largest layer of {@code image}. */
    static Descriptor largestLayer(ImageFixtures.Image image) {
        return image.layers().stream().map(ImageFixtures.Layer::descriptor)
                .max(Comparator.comparingLong(Descriptor::size)).orElseThrow();
    }

    /** The files in {@code <data>/blobs/sha256} and the partial files in {@code <data>/tmp}. */
    static List<String> blobFiles(Path data) throws Exception {
        if (!Files.isDirectory(data.resolve("blobs/sha256"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(data.resolve("blobs/sha256"))) {
            return s.map(p -> "sha256:" + p.getFileName()).toList();
        }
    }
}
