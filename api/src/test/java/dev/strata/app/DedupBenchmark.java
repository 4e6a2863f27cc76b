package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.IndexedLayer;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Manual benchmark (not a test) of {@code dedup}, {@code efficiency} and {@code diff} on a generated fleet:
 * 200 images on 5 OS bases and 20 runtimes, 15k–73k files each, about 5.3M file documents, written straight
 * through the index API. Run (the index is generated once into DIR and reused):
 * <pre>
 * java -Xmx512m -cp &lt;api test classpath&gt; dev.strata.app.DedupBenchmark DIR
 * </pre>
 * ({@code DIR cold-efficiency} times the first efficiency reports of a fresh JVM instead.)
 * Each measurement is printed cold and as the median of 5 warm runs (after 10 unmeasured warm-up runs), wall and this thread's CPU time (the work is
 * single-threaded; CPU time is what a shared machine cannot inflate), beside the floor on the same input: reading
 * the same doc values / layer entries without computing anything.
 */
public final class DedupBenchmark {
    static final int BASES = 5;
    static final int BASE_FILES = 15_000;
    static final int RUNTIMES = 20;
    static final int RUNTIME_FILES = 10_000;
    static final int IMAGES = 200;
    static final int LIBRARY_PACKS = 30;
    static final int PACK_FILES = 1_000;
    static final int WARMUP = 10;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "/tmp/strata-dedup-bench");
        boolean fresh = !Files.exists(data.resolve("index"));
        try (StrataIndex index = StrataIndex.open(data)) {
            if (fresh || index.images().size() < IMAGES) {
                long t0 = System.nanoTime();
                long docs = generate(index);
                System.out.printf("generated %d file documents, %d images in %.1f s%n", docs, index.images().size(),
                        (System.nanoTime() - t0) / 1e9);
            }
            List<IndexedImage> images = index.images();
            if (args.length > 1 && args[1].equals("profile-efficiency")) {
                IndexedImage target = images.get(images.size() - 1);
                EfficiencyService service = new EfficiencyService(index);
                for (int i = 0; i < 40; i++) {
                    service.efficiency(target.manifestDigest().toString(), 20);
                }
                return;
            }
            if (args.length > 1 && args[1].equals("cold-efficiency")) {
                // the first efficiency report of a fresh JVM (nothing JIT-compiled, index files maybe not in cache)
                IndexedImage largest = images.stream().max((a, b) -> Long.compare(files(index, a), files(index, b)))
                        .orElseThrow();
                EfficiencyService service = new EfficiencyService(index);
                for (int i = 1; i <= 3; i++) {
                    com.sun.management.ThreadMXBean threads =
                            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                    long cpu = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    service.efficiency(largest.manifestDigest().toString(), 20);
                    System.out.printf("efficiency call %d of a fresh JVM: %d ms (cpu %d)%n", i,
                            (System.nanoTime() - t0) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
                }
                return;
            }
            long fileDocs = index.layers().stream().mapToLong(IndexedLayer::entryCount).sum();
            System.out.printf("index: %d images, %d layers, %d file documents, max heap %d MiB%n", images.size(),
                    index.layers().size(), fileDocs, Runtime.getRuntime().maxMemory() >> 20);

            DedupService dedup = new DedupService(index);
            measure("fleet dedup report (limit 20)", () -> dedup.report(20).fileTotals().contents());
            measure("  floor: read content_key, size, layer of every file doc", () -> readColumns(index.indexDir()));

            IndexedImage largest = images.stream().max((a, b) -> Long.compare(files(index, a), files(index, b))).orElseThrow();
            EfficiencyService efficiency = new EfficiencyService(index);
            System.out.printf("efficiency image: %s, %d entries in its layers%n", largest.reference(), files(index, largest));
            measure("one image's efficiency", () -> efficiency.efficiency(largest.manifestDigest().toString(), 20)
                    .efficiency().wastedBytes());
            measure("  floor: layerTable of its layers (the columns it reads)", () -> largest.diffIds().stream()
                    .mapToLong(d -> index.layerTable(index.layer(d).orElseThrow()).rows()).sum());
            measure("  (layerEntriesForComparison of its layers, as diff reads)", () -> largest.diffIds().stream()
                    .mapToLong(d -> index.layerEntriesForComparison(d).size()).sum());
            measure("  (full layerEntries, decoding every sha256 term)", () -> largest.diffIds().stream()
                    .mapToLong(d -> index.layerEntries(d).size()).sum());

            List<IndexedImage> fifty = images.stream().filter(i -> Math.abs(files(index, i) - 50_000) < 6_000).toList();
            IndexedImage a = fifty.get(0);
            IndexedImage b = fifty.stream().filter(i -> !i.diffIds().get(1).equals(a.diffIds().get(1))).findFirst()
                    .orElse(fifty.get(1));
            ImageDiffService diff = new ImageDiffService(index);
            System.out.printf("diff: %s (%d entries) vs %s (%d entries)%n", a.reference(), files(index, a), b.reference(),
                    files(index, b));
            measure("diff of two ~50k-file images", () -> (long) diff.diff(a.manifestDigest().toString(),
                    b.manifestDigest().toString(), 100).files().changed());
            measure("  floor: layerEntriesForComparison of both images' layers", () -> java.util.stream.Stream
                    .concat(a.diffIds().stream(), b.diffIds().stream()).distinct()
                    .mapToLong(d -> index.layerEntriesForComparison(d).size()).sum());
            System.gc();
            System.out.printf("heap used after runs: %d MiB (max %d MiB)%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** The physical floor of the dedup aggregation: one pass over the three doc-values columns it reads. */
    static long readColumns(Path indexDir) {
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            long sum = 0;
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                var keys = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), "content_key");
                var sizes = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), "size");
                var layers = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), "layer");
                for (int doc = keys.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                     doc = keys.nextDoc()) {
                    sum += keys.longValue();
                    if (sizes.advanceExact(doc)) {
                        sum += sizes.longValue();
                    }
                    if (layers.advanceExact(doc)) {
                        sum += layers.ordValue();
                    }
                }
            }
            return sum;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long files(StrataIndex index, IndexedImage image) {
        return image.diffIds().stream().mapToLong(d -> index.layer(d).orElseThrow().entryCount()).sum();
    }

    static void measure(String what, Supplier<Long> run) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long alloc0 = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long result = run.get();
        long cold = System.nanoTime() - t0;
        long coldCpu = threads.getCurrentThreadCpuTime() - cpu0;
        long allocated = threads.getCurrentThreadAllocatedBytes() - alloc0;
        for (int i = 0; i < WARMUP; i++) {
            run.get(); // let the JIT settle (as JMH's warm-up iterations do) before the measured runs
        }
        long[] warm = new long[5];
        long[] warmCpu = new long[5];
        long warmAlloc0 = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < warm.length; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            run.get();
            warm[i] = System.nanoTime() - s;
            warmCpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        long warmAllocated = (threads.getCurrentThreadAllocatedBytes() - warmAlloc0) / warm.length;
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf("%-58s cold %5d ms (cpu %5d), warm median %5d ms (cpu %5d); allocated %d MiB cold, %d MiB"
                        + " per warm run; result %d%n",
                what, cold / 1_000_000, coldCpu / 1_000_000, warm[2] / 1_000_000, warmCpu[2] / 1_000_000,
                allocated >> 20, warmAllocated >> 20, result);
    }

    // ---------------------------------------------------------------- generation

    static long generate(StrataIndex index) {
        Random random = new Random(42);
        long docs = 0;
        List<List<LayerEntry>> bases = new ArrayList<>();
        List<Digest> baseIds = new ArrayList<>();
        for (int i = 0; i < BASES; i++) {
            List<LayerEntry> entries = tree("/usr/lib/os" + i, "os" + i, BASE_FILES, null, random);
            bases.add(entries);
            baseIds.add(add(index, "base-" + i, entries));
            docs += entries.size();
            index.putImage(image("os" + i + ":latest", List.of(baseIds.get(i))));
        }
        List<Digest> runtimeIds = new ArrayList<>();
        for (int i = 0; i < RUNTIMES; i++) {
            List<LayerEntry> entries = tree("/opt/runtime" + i, "rt" + i, RUNTIME_FILES, bases.get(i % BASES), random);
            runtimeIds.add(add(index, "runtime-" + i, entries));
            docs += entries.size();
            index.putImage(image("runtime" + i + ":latest", List.of(baseIds.get(i % BASES), runtimeIds.get(i))));
        }
        for (int i = 0; i < IMAGES - BASES - RUNTIMES; i++) {
            int runtime = i % RUNTIMES;
            int base = runtime % BASES;
            int appFiles = 5_000 + random.nextInt(40_000);
            List<LayerEntry> app = tree("/app" + i, "app" + i, appFiles, bases.get(base), random);
            // shared library packs: same content in many apps' layers
            for (int p = 0; p < 3; p++) {
                int pack = random.nextInt(LIBRARY_PACKS);
                for (int f = 0; f < PACK_FILES; f++) {
                    app.add(file("/app" + i + "/lib/pack" + pack + "/f" + f, "pack" + pack + "-" + f, 2_000 + f));
                }
            }
            // waste: delete and overwrite some base files
            for (int w = 0; w < 200; w++) {
                LayerEntry victim = bases.get(base).get(1 + random.nextInt(BASE_FILES - 1));
                if (victim.type() == EntryType.FILE) {
                    app.add(w % 2 == 0 ? new LayerEntry(victim.path(), EntryType.WHITEOUT, 0, 0, 0, 0, 0, null, null)
                            : file(victim.path(), "patched" + i + "-" + w, victim.size() + 10));
                }
            }
            Digest appId = add(index, "app-" + i, app);
            docs += app.size();
            index.putImage(image("app" + i + ":1.0", List.of(baseIds.get(base), runtimeIds.get(runtime), appId)));
        }
        return docs;
    }

    /** Directories of 50 files under {@code root}; 5% of files copy content from {@code copyFrom}. */
    static List<LayerEntry> tree(String root, String salt, int files, List<LayerEntry> copyFrom, Random random) {
        List<LayerEntry> entries = new ArrayList<>(files + files / 50 + 4000);
        for (int i = 0; i < files; i++) {
            String dir = root + "/d" + (i / 50);
            if (i % 50 == 0) {
                entries.add(new LayerEntry(dir, EntryType.DIRECTORY, 0, 0755, 0, 0, 1_700_000_000L, null, null));
            }
            if (copyFrom != null && random.nextInt(20) == 0) {
                LayerEntry source = copyFrom.get(random.nextInt(copyFrom.size()));
                if (source.type() == EntryType.FILE) {
                    entries.add(new LayerEntry(dir + "/copy" + i, EntryType.FILE, source.size(), 0644, 0, 0,
                            1_700_000_000L, null, source.sha256()));
                    continue;
                }
            }
            entries.add(file(dir + "/" + salt + "-" + i + ".so", salt + "/" + i, 100 + random.nextInt(200_000)));
        }
        return entries;
    }

    static LayerEntry file(String path, String seed, long size) {
        return new LayerEntry(path, EntryType.FILE, size, 0644, 0, 0, 1_700_000_000L, null,
                Digest.sha256Of(seed.getBytes(StandardCharsets.UTF_8)));
    }

    static Digest add(StrataIndex index, String seed, List<LayerEntry> entries) {
        Digest diffId = Digest.sha256Of(("layer " + seed).getBytes(StandardCharsets.UTF_8));
        long tarSize = 0;
        for (LayerEntry e : entries) {
            tarSize += 512 + (e.type() == EntryType.FILE ? (e.size() + 511) / 512 * 512 : 0);
        }
        index.addLayer(IndexedLayer.of(diffId, tarSize, entries, System.currentTimeMillis()), entries);
        return diffId;
    }

    static IndexedImage image(String tag, List<Digest> diffIds) {
        Digest manifest = Digest.sha256Of(("manifest " + tag).getBytes(StandardCharsets.UTF_8));
        return new IndexedImage(manifest, null, tag, List.of(tag), "linux/amd64", diffIds, System.currentTimeMillis(), null);
    }
}
