package dev.strata.app;

import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.Compression;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.scanner.layer.LayerReader;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.testing.ImageFixtures;
import dev.strata.scanner.testing.TarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LayerFlightsTest {
    @TempDir
    Path tmp;

    private static byte[] randomLayer(String name, int bytes, long seed) {
        byte[] content = new byte[bytes];
        new Random(seed).nextBytes(content);
        return new TarBuilder().dir("data").file("data/" + name, content).build();
    }

    @Test
    void twoConcurrentScansReadASharedLayerOnce() throws Exception {
        byte[] shared = randomLayer("base.bin", 8 << 20, 1);
        ImageFixtures.Image a = ImageFixtures.image().layer(shared, Compression.NONE)
                .layer(randomLayer("a.bin", 1 << 20, 2), Compression.GZIP).writeOciLayout(tmp.resolve("a"));
        ImageFixtures.Image b = ImageFixtures.image().layer(shared, Compression.NONE)
                .layer(randomLayer("b.bin", 1 << 20, 3), Compression.GZIP).writeOciLayout(tmp.resolve("b"));
        Digest sharedDiffId = a.diffIds().get(0);
        assertThat(b.diffIds().get(0)).isEqualTo(sharedDiffId);

        LayerFlights flights = new LayerFlights();
        Map<Digest, Integer> reads = new ConcurrentHashMap<>();
        ScanProgress counting = new ScanProgress() {
            @Override
            public void layerStarted(Digest diffId) {
                reads.merge(diffId, 1, Integer::sum);
                if (diffId.equals(sharedDiffId)) {
                    // the reader of the shared layer holds on until the other scan waits for it
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (flights.waitingFor(sharedDiffId) == 0 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        ExecutorService layerPool = Executors.newFixedThreadPool(4);
        ExecutorService scans = Executors.newFixedThreadPool(2);
        try (StrataIndex index = StrataIndex.open(tmp.resolve("data"))) {
            Path scratch = Files.createDirectories(tmp.resolve("scratch"));
            ImageScanService service = new ImageScanService(index, new LayerReader(LayerLimits.defaults()),
                    layerPool, scratch, flights);
            Future<ScanReport> ra = scans.submit(() -> service.scan("oci:" + tmp.resolve("a"), Platform.LINUX_AMD64,
                    counting));
            Future<ScanReport> rb = scans.submit(() -> service.scan("oci:" + tmp.resolve("b"), Platform.LINUX_AMD64,
                    counting));
            ScanReport reportA = ra.get(60, TimeUnit.SECONDS);
            ScanReport reportB = rb.get(60, TimeUnit.SECONDS);

            assertThat(reads).containsEntry(sharedDiffId, 1)
                    .containsEntry(a.diffIds().get(1), 1).containsEntry(b.diffIds().get(1), 1).hasSize(3);
            assertThat(List.of(reportA.stats().layersRead(), reportB.stats().layersRead()))
                    .containsExactlyInAnyOrder(2, 1);
            assertThat(reportA.stats().layersReused() + reportB.stats().layersReused()).isEqualTo(1);
            assertThat(reportA.layers().get(0).fileCount()).isEqualTo(reportB.layers().get(0).fileCount()).isEqualTo(1);
            assertThat(index.imagesWithLayer(sharedDiffId)).hasSize(2);
            assertThat(flights.waitingFor(sharedDiffId)).isZero();
        } finally {
            scans.shutdownNow();
            layerPool.shutdownNow();
        }
    }

    @Test
    void aJoinedLayerWhoseReaderGaveUpIsClaimedAgain() throws Exception {
        LayerFlights flights = new LayerFlights();
        Digest d = Digest.parse("sha256:" + "ab".repeat(32));
        LayerFlights.Claim first = flights.claim(List.of(d));
        LayerFlights.Claim second = flights.claim(List.of(d));
        assertThat(first.led()).containsExactly(d);
        assertThat(second.joined()).containsExactly(d);
        first.close(); // gave up without done()
        assertThat(second.awaitJoined()).isEmpty();
        try (LayerFlights.Claim third = flights.claim(List.of(d))) {
            assertThat(third.led()).containsExactly(d);
        }
    }
}
