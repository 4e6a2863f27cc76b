package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.strata.index.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrataIndexLifecycleTest {
    @TempDir
    Path dataDir;

    @Test
    void reopenAfterCloseSeesCommittedData() throws IOException {
        Digest diffId = digest("layer");
        List<LayerEntry> entries = sampleEntries("r");
        IndexedImage image = image("r", 5, List.of("r:1"), diffId);
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            index.addLayer(layerOf(diffId, entries), entries);
            index.putImage(image);
        }
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            assertThat(index.layerEntries(diffId)).containsExactlyElementsOf(entries);
            assertThat(index.images()).containsExactly(image);
            assertThat(index.image(image.manifestDigest()).orElseThrow().reportJson())
                    .isEqualTo(image.reportJson());
        }
        assertThat(dataDir.resolve("index")).isDirectory();
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFailsClearly() throws IOException {
        StrataIndex index = StrataIndex.open(dataDir);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.hasLayer(digest("x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void crashBeforeCommitLeavesNoLayer() throws IOException {
        Digest diffId = digest("crashed");
        List<LayerEntry> entries = sampleEntries("c");
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            // documents reach the IndexWriter but the process "dies" before commit
            index.addLayerDocuments(diffId, LayerDocuments.build(layerOf(diffId, entries), entries));
        }
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            assertThat(index.hasLayer(diffId)).isFalse();
            assertThat(index.layerEntries(diffId)).isEmpty();
            assertThat(index.filesByPathPrefix("/", 0, 100)).isEmpty();
        }
    }

    @Test
    void documentRejectedMidLayerLeavesNoPartialLayer() throws IOException {
        Digest bad = digest("bad");
        Digest good = digest("good");
        List<LayerEntry> badEntries = new ArrayList<>(sampleEntries("bad"));
        // Lucene rejects terms over 32766 bytes: the 6th document of the block fails
        badEntries.add(5, new LayerEntry("/" + "x".repeat(40_000), EntryType.FILE, 1, 0644, 0, 0, 0, null,
                digest("huge")));
        List<LayerEntry> goodEntries = sampleEntries("good");
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            assertThatThrownBy(() -> index.addLayer(layerOf(bad, badEntries), badEntries))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("could not be indexed");
            index.addLayer(layerOf(good, goodEntries), goodEntries); // commits whatever the writer holds

            assertThat(index.hasLayer(bad)).isFalse();
            assertThat(index.layerEntries(bad)).isEmpty();
            assertThat(index.filesByPathPrefix("/", 0, 1000)).hasSize(goodEntries.size())
                    .allSatisfy(hit -> assertThat(hit.diffId()).isEqualTo(good));
        }
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            assertThat(index.layerEntries(bad)).isEmpty();
            assertThat(index.filesByPathPrefix("/", 0, 1000)).hasSize(goodEntries.size());
        }
    }

    @Test
    void concurrentAddLayerFromFourThreads() throws Exception {
        int threads = 4;
        int layersPerThread = 5;
        int entriesPerLayer = 2_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (StrataIndex index = StrataIndex.open(dataDir)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int l = 0; l < layersPerThread; l++) {
                        List<LayerEntry> entries = generated("t" + thread + "l" + l, entriesPerLayer);
                        index.addLayer(layerOf(digest("t" + thread + "l" + l), entries), entries);
                        // every thread also races on one shared layer: it must end up indexed once
                        List<LayerEntry> shared = generated("shared", 500);
                        index.addLayer(layerOf(digest("shared"), shared), shared);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (int t = 0; t < threads; t++) {
                for (int l = 0; l < layersPerThread; l++) {
                    Digest diffId = digest("t" + t + "l" + l);
                    assertThat(index.layerEntries(diffId)).containsExactlyElementsOf(
                            generated("t" + t + "l" + l, entriesPerLayer));
                    assertThat(index.layer(diffId).orElseThrow().entryCount()).isEqualTo(entriesPerLayer);
                }
            }
            assertThat(index.layerEntries(digest("shared"))).hasSize(500);
            assertThat(index.filesByPathPrefix("/", 0, 100_000))
                    .hasSize(threads * layersPerThread * entriesPerLayer + 500);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<LayerEntry> generated(String salt, int count) {
        List<LayerEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(i % 10 == 0 ? dir("/d" + i) : file("/d" + (i / 10 * 10) + "/" + salt + "-" + i, salt + i));
        }
        return entries;
    }

    @Test
    void aSecondWriterOfTheSameDataDirFailsWithOneLineErrorWhileReadersMayOpen() throws IOException {
        List<LayerEntry> entries = sampleEntries("one");
        try (StrataIndex first = StrataIndex.open(dataDir)) {
            first.addLayer(layerOf(digest("one"), entries), entries); // the first writer holds the lock now
            try (StrataIndex second = StrataIndex.open(dataDir)) {
                assertThat(second.hasLayer(digest("one"))).isTrue(); // reading is fine
                assertThatThrownBy(() -> second.addLayer(layerOf(digest("two"), entries), entries))
                        .hasRootCauseInstanceOf(org.apache.lucene.store.LockObtainFailedException.class)
                        .cause().isInstanceOf(IndexInUseException.class)
                        .hasMessage("index at " + dataDir.resolve("index").toAbsolutePath()
                                + " is in use by another Strata process");
            }
            assertThat(first.hasLayer(digest("x"))).isFalse(); // first instance unaffected
        }
        try (StrataIndex again = StrataIndex.open(dataDir)) { // lock released on close
            again.addLayer(layerOf(digest("two"), entries), entries);
            assertThat(again.hasLayer(digest("two"))).isTrue();
        }
    }


    @Test
    void secondProcessCanReadButGetsInUseErrorWhenItWrites() throws Exception {
        try (StrataIndex held = StrataIndex.open(dataDir)) {
            List<LayerEntry> mine = sampleEntries("held");
            held.addLayer(layerOf(digest("held-layer"), mine), mine); // takes the write lock
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OpenIndexProcess.class.getName(),
                    dataDir.toString()).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes()).strip();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(3);
            assertThat(output.lines().filter(l -> !l.startsWith("WARNING"))).containsExactly("read 0",
                    "index at " + dataDir.resolve("index").toAbsolutePath() + " is in use by another Strata process");
        }
    }

    @Test
    void otherSchemaVersionIsRejected() throws IOException {
        try (Directory dir = FSDirectory.open(dataDir.resolve("index"));
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(IndexSchema.USER_DATA_SCHEMA_VERSION, "999").entrySet());
            writer.commit();
        }
        assertThatThrownBy(() -> StrataIndex.open(dataDir))
                .isInstanceOf(IndexSchemaException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("needs " + IndexSchema.SCHEMA_VERSION);
        // the failed open released the lock
        assertThatThrownBy(() -> StrataIndex.open(dataDir)).isInstanceOf(IndexSchemaException.class);
    }

    @Test
    void foreignLuceneIndexWithoutVersionIsRejected() throws IOException {
        try (Directory dir = FSDirectory.open(dataDir.resolve("index"));
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.commit();
        }
        assertThatThrownBy(() -> StrataIndex.open(dataDir)).isInstanceOf(IndexSchemaException.class)
                .hasMessageContaining("(none)");
    }
}
