package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Manual speed self-check (not a test): indexes one layer of 200k entries and times {@code layerEntries}.
 * Run with {@code java -cp <test classpath> dev.strata.index.LayerEntriesSpeedCheck}.
 */
public final class LayerEntriesSpeedCheck {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dataDir = Files.createTempDirectory("strata-index-speed");
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            int layers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
            List<LayerEntry> entries = StrataIndexLifecycleTest.generated("speed", count);
            Digest diffId = Fixtures.digest("speed-layer");
            for (int layer = 0; layer < layers; layer++) {
                Digest id = layer == 0 ? diffId : Fixtures.digest("speed-layer-" + layer);
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                index.addLayer(IndexedLayer.of(id, 0, entries, System.currentTimeMillis()), entries);
                long t1 = System.nanoTime();
                System.out.printf("addLayer(%d entries): %d ms wall, %d ms cpu (this thread; flush may use others)%n",
                        count, (t1 - t0) / 1_000_000, (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
            }
            for (int run = 1; run <= 8; run++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                List<LayerEntry> read = index.layerEntries(diffId);
                long e = System.nanoTime();
                long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                if (!read.equals(entries)) {
                    throw new AssertionError("round trip mismatch");
                }
                System.out.printf("layerEntries run %d: %d entries in %d ms wall, %d ms cpu%n", run, read.size(),
                        (e - s) / 1_000_000, cpuMs);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
