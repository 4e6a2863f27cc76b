package dev.strata.server;

import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;

import java.nio.file.Path;
import java.util.Random;

/** Small real images for the service tests, written with the scanner's test fixtures. */
final class TestImages {
    private TestImages() {
    }

    static byte[] baseLayer() {
        return new TarBuilder().dir("etc").file("etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
                .dir("lib/apk/db").file("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\nL:MIT\no:musl\n\n"
                        + "P:zlib\nV:1.3.1-r0\nA:x86_64\nL:Zlib\no:zlib\n\n")
                .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n").build();
    }

    static byte[] appLayer(String name) {
        return new TarBuilder().dir("app").file("app/" + name + ".txt", "hello " + name + "\n").build();
    }

    /** A layer with {@code megabytes} MiB of incompressible content: slow enough to watch a scan run. */
    static byte[] bigLayer(int megabytes, long seed) {
        byte[] content = new byte[megabytes << 20];
        new Random(seed).nextBytes(content);
        return new TarBuilder().dir("data").file("data/blob-" + seed + ".bin", content).build();
    }

    static ImageFixtures.Image dockerArchive(Path file, String name, byte[]... extraLayers) {
        ImageFixtures.ImageBuilder b = ImageFixtures.image().layer(baseLayer(), Compression.GZIP)
                .layer(appLayer(name), Compression.GZIP);
        for (byte[] layer : extraLayers) {
            b.layer(layer, Compression.NONE);
        }
        return b.writeDockerArchive(file, "test/" + name + ":1.0");
    }
}
