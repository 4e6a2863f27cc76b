package dev.strata.scanner.layer;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.MediaTypes;
import dev.strata.scanner.testing.TarBuilder;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

/**
 * Micro benchmark of {@link LayerReader#read} (a {@code main}, not a test).
 *
 * <pre>
 *   LayerReaderBench                       # generates ~256 MiB tar in memory; runs none, gzip, zstd
 *   LayerReaderBench [--mb N] [--runs N]
 *   LayerReaderBench path/to/layer.blob [--runs N]   # any compression (sniffed), streamed from disk
 * </pre>
 * Prints MB/s of the compressed and of the uncompressed stream per run.
 */
public final class LayerReaderBench {
    private LayerReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        String file = null;
        int mb = 256;
        int runs = 3;
        boolean packages = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mb" -> mb = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--packages" -> packages = true;
                default -> file = args[i];
            }
        }
        LayerReader reader = new LayerReader(LayerLimits.defaults());
        if (file != null) {
            benchFile(reader, Path.of(file), runs, packages);
            return;
        }
        byte[] tar = generate(mb);
        System.out.printf("generated tar: %.1f MiB%n", tar.length / 1048576.0);
        bench(reader, "none", MediaTypes.OCI_LAYER_TAR, tar, tar, runs);
        bench(reader, "gzip", MediaTypes.OCI_LAYER_GZIP, tar, TarBuilder.gzip(tar), runs);
        bench(reader, "zstd", MediaTypes.OCI_LAYER_ZSTD, tar, TarBuilder.zstd(tar), runs);
    }

    /** Files of mixed sizes; content is half random, half repetitive text, so it compresses about 2:1. */
    static byte[] generate(int mb) {
        Random random = new Random(1);
        TarBuilder b = new TarBuilder();
        long total = 0;
        int i = 0;
        byte[] text = "the quick brown fox jumps over the lazy dog 0123456789\n".repeat(20_000).getBytes();
        while (total < (long) mb << 20) {
            int size = i % 50 == 0 ? 4 << 20 : random.nextInt(64 * 1024);
            byte[] content = new byte[size];
            random.nextBytes(content);
            System.arraycopy(text, 0, content, size / 2, Math.min(text.length, size - size / 2));
            b.file("usr/lib/pkg" + (i % 100) + "/file" + i, content);
            total += size + 512;
            i++;
        }
        return b.build();
    }

    private static void bench(LayerReader reader, String name, String mediaType, byte[] tar, byte[] blob, int runs)
            throws IOException {
        Descriptor d = new Descriptor(mediaType, Digest.sha256Of(blob), blob.length);
        Digest diffId = Digest.sha256Of(tar);
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            LayerContents c = reader.read(d, diffId, new ByteArrayInputStream(blob));
            report(name, c, System.nanoTime() - t0);
        }
    }

    /**
     * Reads the layer file {@code runs} times; with {@code packages}, every run is done twice in a row, without
     * and with the package analysers as visitor, and their times compared (the cost of package detection).
     */
    private static void benchFile(LayerReader reader, Path path, int runs, boolean packages) throws IOException {
        byte[] magic;
        MessageDigest sha = Digest.newSha256();
        try (InputStream in = Files.newInputStream(path)) {
            magic = in.readNBytes(4);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 20)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        String mediaType = switch (LayerReader.sniff(magic)) {
            case GZIP -> MediaTypes.OCI_LAYER_GZIP;
            case ZSTD -> MediaTypes.OCI_LAYER_ZSTD;
            case NONE -> MediaTypes.OCI_LAYER_TAR;
        };
        Descriptor d = new Descriptor(mediaType, Digest.sha256(sha.digest()), Files.size(path));
        Path tmp = Files.createTempDirectory("strata-bench");
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            LayerContents c;
            try (InputStream in = Files.newInputStream(path)) {
                c = reader.read(d, null, in);
            }
            long plain = System.nanoTime() - t0;
            report(path.getFileName().toString(), c, plain);
            if (packages) {
                var scanner = new dev.strata.scanner.packages.analysis.LayerPackageScanner(List.of(
                        new dev.strata.scanner.packages.java.JavaArchiveAnalyzer(),
                        new dev.strata.scanner.packages.golang.GoBinaryAnalyzer()), tmp);
                long t1 = System.nanoTime();
                try (InputStream in = Files.newInputStream(path)) {
                    c = reader.read(d, null, in, scanner);
                }
                long withPackages = System.nanoTime() - t1;
                report(path.getFileName() + " +packages", c, withPackages);
                System.out.printf("  package detection: %d packages, %+.1f%% time%n",
                        scanner.findings().packages().size()
                                + (scanner.findings().dpkgStatus() == null ? 0 : scanner.findings().dpkgStatus().packages().size()),
                        100.0 * (withPackages - plain) / plain);
            }
        }
    }

    private static void report(String name, LayerContents c, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("%-8s %6d entries  %8.1f MiB -> %8.1f MiB  %6.2f s  compressed %7.1f MB/s  uncompressed %7.1f MB/s%n",
                name, c.entries().size(), c.size() / 1048576.0, c.uncompressedSize() / 1048576.0, s,
                c.size() / 1e6 / s, c.uncompressedSize() / 1e6 / s);
    }
}
