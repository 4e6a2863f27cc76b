package dev.strata.index.advisory;

import static dev.strata.index.advisory.AdvisoryFiles.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.OsvZipException;
import dev.strata.scanner.vuln.osv.OsvZipReader;
import dev.strata.scanner.vuln.match.Advisory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation swap: a failed or interrupted import never changes what {@link AdvisoryStore#open} sees, and a
 * store opened before a successful swap keeps answering from its own generation until it is reopened.
 */
class AdvisorySwapTest {
    @TempDir
    Path data;
    @TempDir
    Path work;

    @BeforeEach
    void firstImport() throws IOException {
        new AdvisoryImporter(data).importFiles(List.of(osv(LOG4J_1), osv(LOG4J_2)));
    }

    private Path vulndb() {
        return data.resolve("vulndb");
    }

    private static void assertOnlyLog4j(AdvisoryStore store) {
        assertEquals(List.of(LOG4J_2, LOG4J_1), // sorted
                store.lookup("Maven", LOG4J).stream().map(Advisory::id).distinct().sorted().toList());
        assertTrue(store.lookup("npm", "lodash").isEmpty());
    }

    @Test
    void zipCutMidWayFailsTheImportAndKeepsThePreviousDatabase() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(LODASH_1 + ".json", bytes(osv(LODASH_1)));
        entries.put(LODASH_2 + ".json", bytes(osv(LODASH_2)));
        byte[] noise = new byte[256 * 1024];
        new Random(7).nextBytes(noise); // incompressible, so the cut lands inside it, after the lodash records
        entries.put("padding.bin", noise);
        entries.put(LOG4J_1 + ".json", bytes(osv(LOG4J_1)));
        Path zip = zip(work.resolve("all.zip"), entries);
        truncate(zip, (int) (Files.size(zip) * 0.7));
        List<String> readBeforeTheCut = new ArrayList<>();
        assertThrows(OsvZipException.class, () -> {
            try (Stream<OsvRecord> records = new OsvZipReader().records(zip, skipped -> { })) {
                records.forEach(r -> readBeforeTheCut.add(r.id()));
            }
        });
        assertEquals(List.of(LODASH_1, LODASH_2), readBeforeTheCut); // so the import fails with records written

        try (AdvisoryStore before = AdvisoryStore.open(data)) {
            IOException e = assertThrows(IOException.class,
                    () -> new AdvisoryImporter(data).importFiles(List.of(zip)));
            assertTrue(e.getMessage().contains("all.zip") && e.getMessage().contains("previous database is unchanged"),
                    e.getMessage());
            assertInstanceOf(OsvZipException.class, e.getCause());

            assertEquals("gen-1", Files.readString(vulndb().resolve("CURRENT")).trim());
            assertEquals(List.of("CURRENT", "gen-1", "import.lock"), AdvisoryImporterTest.list(vulndb()));
            assertOnlyLog4j(before);
            assertFalse(before.isStale());
            try (AdvisoryStore after = AdvisoryStore.open(data)) {
                assertOnlyLog4j(after);
                assertEquals(before.status(), after.status());
            }
        }
    }

    @Test
    void trackerCutMidWayFailsTheImportAndKeepsThePreviousDatabase() throws IOException {
        byte[] tracker = bytes(resource("feeds/debian-tracker-excerpt.json"));
        Path cut = Files.write(work.resolve("tracker.json"), Arrays.copyOf(tracker, tracker.length / 2));

        assertThrows(IOException.class, () -> new AdvisoryImporter(data).importFiles(List.of(osv(LODASH_1), cut)));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertOnlyLog4j(store);
            assertTrue(store.lookup("Debian:12", "zlib").isEmpty());
            assertTrue(store.status().source("debian-tracker").isEmpty());
        }
    }

    @Test
    void storeOpenedBeforeASwapKeepsItsGenerationUntilReopened() throws IOException {
        try (AdvisoryStore before = AdvisoryStore.open(data)) {
            new AdvisoryImporter(data).importFiles(List.of(osv(LODASH_1)));

            assertEquals(List.of("CURRENT", "gen-2", "import.lock"), AdvisoryImporterTest.list(vulndb()));
            assertTrue(before.isStale());
            assertEquals("gen-1", before.generation());
            assertOnlyLog4j(before); // its files are unlinked, but still open
            try (AdvisoryStore after = AdvisoryStore.open(data)) {
                assertFalse(after.isStale());
                assertEquals("gen-2", after.generation());
                assertEquals(List.of(LODASH_1), after.lookup("npm", "lodash").stream().map(Advisory::id).toList());
                assertEquals(2, after.lookup("Maven", LOG4J).stream().map(Advisory::id).distinct().count());
            }
        }
    }

    @Test
    void leftoversOfAnInterruptedImportAreIgnoredThenRemoved() throws IOException {
        // as if the process died while writing gen-2, and again while writing CURRENT.tmp
        Files.createDirectories(vulndb().resolve("gen-2/index"));
        Files.writeString(vulndb().resolve("gen-2/index/_0.cfs"), "half written");
        Files.writeString(vulndb().resolve("CURRENT.tmp"), "gen-");

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertEquals("gen-1", store.generation());
            assertOnlyLog4j(store);
        }
        new AdvisoryImporter(data).importFiles(List.of(osv(LODASH_1)));
        assertEquals(List.of("CURRENT", "gen-2", "import.lock"), AdvisoryImporterTest.list(vulndb()));
        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertEquals(List.of(LODASH_1), store.lookup("npm", "lodash").stream().map(Advisory::id).toList());
            assertEquals(2, store.lookup("Maven", LOG4J).stream().map(Advisory::id).distinct().count());
        }
    }

    @Test
    void aSecondImportWhileOneRunsIsRefused() throws IOException {
        try (FileChannel ch = FileChannel.open(vulndb().resolve("import.lock"), StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            IOException e = assertThrows(IOException.class,
                    () -> new AdvisoryImporter(data).importFiles(List.of(osv(LODASH_1))));
            assertTrue(e.getMessage().contains("another import"), e.getMessage());
        }
        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertOnlyLog4j(store);
        }
    }
}
