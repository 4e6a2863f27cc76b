package dev.strata.scanner.layer;

import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every {@link LayerReaderTest} case again, with gzip inflated by a real igzip process (Debian package isal). */
class LayerReaderExternalGzipTest extends LayerReaderTest {
    static final Path IGZIP = GzipInflater.findOnPath("igzip", System.getenv("PATH")).orElse(null);

    @BeforeAll
    static void igzipInstalled() {
        assumeTrue(IGZIP != null, "igzip not installed (apt-get install isal)");
    }

    @Override
    LayerReader newReader(LayerLimits limits, ExecutorService producers) {
        // minimum size 0: even the tiny test blobs go through the process
        return new LayerReader(limits, producers, new ExternalGzipInflater(IGZIP, 0));
    }

    /**
     * The feeder runs ahead of igzip by its buffer and the pipe's, so a small bomb is read whole before the
     * ratio shows; the bomb error itself is asserted by the test.
     */
    @Override
    void assertStoppedEarly(int compressedRead, int compressedLength) {
    }
}
