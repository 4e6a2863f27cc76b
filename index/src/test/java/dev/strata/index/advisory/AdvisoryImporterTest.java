package dev.strata.index.advisory;

import static dev.strata.index.advisory.AdvisoryFiles.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.match.Advisory;
import dev.strata.scanner.vuln.osv.AffectedRangeEvaluator;
import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdvisoryImporterTest {
    @TempDir
    Path data;
    @TempDir
    Path work;

    private static Set<String> ids(List<Advisory> advisories) {
        return advisories.stream().map(Advisory::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static DebianAdvisory debian(Advisory a) {
        return ((Advisory.DebianAdvisoryRecord) a).advisory();
    }

    private void importAll(Path... paths) throws IOException {
        new AdvisoryImporter(data).importFiles(List.of(paths));
    }

    @Test
    void osvRecordsAreFoundByEcosystemAndExactName() throws IOException {
        importAll(osv(LOG4J_1), osv(LOG4J_2), osv(LODASH_1), osv(LODASH_2));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            List<Advisory> log4j = store.lookup("Maven", LOG4J);
            assertEquals(Set.of(LOG4J_1, LOG4J_2), ids(log4j));
            assertEquals(Set.of(LODASH_1, LODASH_2), ids(store.lookup("npm", "lodash")));
            assertTrue(store.lookup("npm", "Lodash").isEmpty());
            assertTrue(store.lookup("Maven", "org.apache.logging.log4j").isEmpty());

            assertEquals(2, log4j.size(), "one document per record and package, several affected entries kept together");
            OsvRecord first = log4j.stream().filter(a -> a.id().equals(LOG4J_1))
                    .map(a -> ((Advisory.OsvAdvisory) a).record()).findFirst().orElseThrow();
            assertTrue(first.aliases().contains("CVE-2021-44228"));
            assertFalse(first.severity().isEmpty());
            assertTrue(first.databaseSpecific().contains("\"severity\""), "GHSA severity word kept for the fallback");
            assertTrue(first.affected().stream().allMatch(e -> e.pkg().name().equals(LOG4J)));
            AffectedRangeEvaluator evaluator = new AffectedRangeEvaluator();
            assertInstanceOf(Verdict.Affected.class, evaluator.evaluate(first, "Maven", LOG4J, "2.14.1"));
            assertInstanceOf(Verdict.NotAffected.class, evaluator.evaluate(first, "Maven", LOG4J, "2.17.1"));

            SourceStatus osv = store.status().source("osv").orElseThrow();
            assertEquals(log4j.size(), osv.documentsByEcosystem().get("Maven"));
            assertEquals(store.lookup("npm", "lodash").size() + store.lookup("npm", "lodash-es").size(),
                    osv.documentsByEcosystem().get("npm"));
            assertEquals(4, osv.files().size());
            assertEquals(0, osv.malformed());
        }
    }

    @Test
    void osvZipWithMalformedAndWithdrawnRecords() throws IOException {
        String withdrawn = new String(bytes(osv(LODASH_2)), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"withdrawn\": \"2024-01-01T00:00:00Z\",");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(LOG4J_1 + ".json", bytes(osv(LOG4J_1)));
        entries.put("BAD-1.json", "{\"id\": \"BAD-1\"".getBytes(StandardCharsets.UTF_8));
        entries.put(LOG4J_2 + ".json", bytes(osv(LOG4J_2)));
        entries.put(LODASH_1 + ".json", bytes(osv(LODASH_1)));
        entries.put(LODASH_2 + ".json", withdrawn.getBytes(StandardCharsets.UTF_8));
        Path zip = zip(work.resolve("all.zip"), entries);

        DatabaseStatus status = new AdvisoryImporter(data).importFiles(List.of(zip));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertEquals(Set.of(LOG4J_1, LOG4J_2), ids(store.lookup("Maven", LOG4J)));
            assertEquals(Set.of(LODASH_1), ids(store.lookup("npm", "lodash")));
            assertEquals(status, store.status());
        }
        SourceStatus osv = status.source("osv").orElseThrow();
        assertEquals(1, osv.withdrawn());
        assertEquals(1, osv.malformed());
        assertTrue(osv.malformedNames().get(0).contains("BAD-1.json"), osv.malformedNames().toString());
    }

    @Test
    void directoryOfOsvRecordsIsImportedAndMalformedFilesAreNamed() throws IOException {
        Path dir = Files.createDirectories(work.resolve("osv"));
        Files.copy(osv(LOG4J_1), dir.resolve(LOG4J_1 + ".json"));
        Files.writeString(dir.resolve("BROKEN.json"), "{\"id\": \"BROKEN\", \"modified\": \"yesterday\"}");
        Files.writeString(dir.resolve("notes.md"), "not a record");

        DatabaseStatus status = new AdvisoryImporter(data).importFiles(List.of(dir));

        SourceStatus osv = status.source("osv").orElseThrow();
        assertEquals(1, osv.malformed());
        assertTrue(osv.malformedNames().get(0).contains("BROKEN.json"), osv.malformedNames().toString());
        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertEquals(Set.of(LOG4J_1), ids(store.lookup("Maven", LOG4J)));
        }
    }

    @Test
    void debianTrackerEntriesAreStoredPerRelease() throws IOException {
        importAll(resource("feeds/debian-tracker-excerpt.json"));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            Map<String, DebianAdvisory> zlib = store.lookup("Debian:12", "zlib").stream()
                    .map(AdvisoryImporterTest::debian)
                    .collect(Collectors.toMap(DebianAdvisory::id, a -> a));
            assertEquals(Set.of("CVE-2018-25032", "CVE-2022-37434", "CVE-2023-45853"), zlib.keySet());
            assertEquals(DebianStatus.FIXED, zlib.get("CVE-2018-25032").status());
            assertEquals("1:1.2.11.dfsg-4", zlib.get("CVE-2018-25032").fixedVersion());
            assertEquals(DebianStatus.OPEN, zlib.get("CVE-2023-45853").status());
            assertEquals("bookworm", zlib.get("CVE-2023-45853").release());
            assertEquals(null, zlib.get("CVE-2023-45853").noDsaReason());

            DebianAdvisory trixie = debian(store.lookup("Debian:13", "zlib").get(0));
            assertEquals("1:1.3.dfsg-2", trixie.fixedVersion());
            DebianAdvisory notAffected = debian(store.lookup("Debian:11", "openssl").stream()
                    .filter(a -> a.id().equals("CVE-2022-3602")).findFirst().orElseThrow());
            assertEquals(DebianStatus.NOT_AFFECTED, notAffected.status());

            SourceStatus debian = store.status().source("debian-tracker").orElseThrow();
            assertEquals(Map.of("Debian:11", 6L, "Debian:12", 11L, "Debian:13", 1L), debian.documentsByEcosystem());
            assertEquals(0, debian.malformed());
        }
    }

    @Test
    void alpineSecdbFixesAreStoredUnderTheDistroVersion() throws IOException {
        importAll(resource("feeds/alpine-secdb-v3.19-main-excerpt.json"));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            List<Advisory> zlib = store.lookup("Alpine:v3.19", "zlib");
            assertEquals(2, zlib.size());
            assertTrue(zlib.stream().allMatch(a -> a instanceof Advisory.AlpineAdvisoryRecord f
                    && f.fix().fixedVersion() != null && f.fix().repoName() != null));
            long stored = store.lookup("Alpine:v3.19", "busybox").size() + store.lookup("Alpine:v3.19", "musl").size()
                    + store.lookup("Alpine:v3.19", "openssl").size() + zlib.size();
            assertEquals(Map.of("Alpine:v3.19", stored),
                    store.status().source("alpine-secdb").orElseThrow().documentsByEcosystem());
        }
    }

    @Test
    void malformedTrackerEntriesAreCountedAndNamed() throws IOException {
        // the excerpt with one entry whose bookworm status is unknown and one whose bullseye fix is no version
        String json = new String(bytes(resource("feeds/debian-tracker-excerpt.json")), StandardCharsets.UTF_8)
                .replaceFirst("\"zlib\"\\s*:\\s*\\{", "\"zlib\": {"
                        + "\"CVE-2000-0003\": {\"releases\": {\"bookworm\": {\"status\": \"fixed-ish\"}}},"
                        + "\"CVE-2000-0004\": {\"releases\": {\"bullseye\": {\"status\": \"resolved\", \"fixed_version\": \"1.0 beta\"},"
                        + " \"bookworm\": {\"status\": \"open\"}}},");
        Path file = Files.writeString(work.resolve("tracker.json"), json);

        DatabaseStatus status = new AdvisoryImporter(data).importFiles(List.of(file));

        SourceStatus debian = status.source("debian-tracker").orElseThrow();
        assertEquals(2, debian.malformed(), debian.malformedNames().toString());
        assertTrue(debian.malformedNames().stream().anyMatch(n -> n.contains("CVE-2000-0003")),
                debian.malformedNames().toString());
        assertEquals(Map.of("Debian:11", 6L, "Debian:12", 12L, "Debian:13", 1L), debian.documentsByEcosystem());
    }

    @Test
    void importsAddToEachOtherAndKeepEverySourcesStatus() throws IOException {
        importAll(osv(LOG4J_1));
        importAll(resource("feeds/debian-tracker-excerpt.json"), osv(LOG4J_2));

        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            assertEquals(Set.of(LOG4J_1, LOG4J_2), ids(store.lookup("Maven", LOG4J)));
            assertEquals(3, store.lookup("Debian:12", "zlib").size());
            assertEquals(Set.of("debian-tracker", "osv"),
                    store.status().sources().stream().map(SourceStatus::source).collect(Collectors.toSet()));
            assertEquals("gen-2", store.status().generation());
        }
        importAll(osv(LOG4J_1)); // re-importing replaces, never duplicates
        try (AdvisoryStore store = AdvisoryStore.open(data)) {
            long before = store.status().source("osv").orElseThrow().documents();
            assertEquals(before, store.lookup("Maven", LOG4J).size());
        }
        assertEquals(List.of("CURRENT", "gen-3", "import.lock"), list(data.resolve("vulndb")));
    }

    @Test
    void noDatabaseIsAClearError() {
        NoAdvisoryDatabaseException e = assertThrows(NoAdvisoryDatabaseException.class, () -> AdvisoryStore.open(data));
        assertEquals("no vulnerability database in " + data.resolve("vulndb")
                + ": run 'strata db import' or 'strata db update'", e.getMessage());
    }

    @Test
    void unknownFileIsRejectedBeforeAnythingIsWritten() throws IOException {
        Path readme = Files.writeString(work.resolve("README.txt"), "hello");
        IOException e = assertThrows(IOException.class, () -> importAll(osv(LOG4J_1), readme));
        assertTrue(e.getMessage().contains("README.txt"), e.getMessage());
        assertInstanceOf(NoAdvisoryDatabaseException.class, assertThrows(IOException.class, () -> AdvisoryStore.open(data)));
    }

    static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
