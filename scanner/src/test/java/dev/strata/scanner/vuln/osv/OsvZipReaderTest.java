package dev.strata.scanner.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvZipReaderTest {

    private final OsvZipReader reader = new OsvZipReader();
    private final List<SkippedRecord> skipped = new ArrayList<>();

    private static byte[] zip(Object... nameAndContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                Object content = nameAndContent[i + 1];
                out.write(content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private List<String> ids(byte[] zip) {
        try (Stream<OsvRecord> records = reader.records(new ByteArrayInputStream(zip), "npm/all.zip", skipped::add)) {
            return records.map(OsvRecord::id).toList();
        }
    }

    @Test
    void readsRealRecords() throws IOException {
        byte[] zip = zip(
                "GHSA-p6mc-m468-83gw.json", OsvTestRecords.resource("GHSA-p6mc-m468-83gw.json"),
                "GHSA-35jh-r3h4-6jhm.json", OsvTestRecords.resource("GHSA-35jh-r3h4-6jhm.json"));
        assertThat(ids(zip)).containsExactly("GHSA-p6mc-m468-83gw", "GHSA-35jh-r3h4-6jhm");
        assertThat(skipped).isEmpty();
    }

    @Test
    void badRecordIsReportedAndTheOthersRead() throws IOException {
        byte[] zip = zip(
                "GHSA-p6mc-m468-83gw.json", OsvTestRecords.resource("GHSA-p6mc-m468-83gw.json"),
                "BAD-1.json", "{\"id\": \"BAD-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": [{"
                        + "\"package\": {\"ecosystem\": \"npm\", \"name\": \"x\"}, \"ranges\": [{\"type\": \"ECOSYSTEM\","
                        + " \"events\": [{\"introduced\": \"0\", \"fixed\": \"1.0.0\"}]}]}]}",
                "BAD-2.json", "not json",
                "README.txt", "ignored",
                "GHSA-35jh-r3h4-6jhm.json", OsvTestRecords.resource("GHSA-35jh-r3h4-6jhm.json"));
        assertThat(ids(zip)).containsExactly("GHSA-p6mc-m468-83gw", "GHSA-35jh-r3h4-6jhm");
        assertThat(skipped).hasSize(2);
        SkippedRecord first = skipped.get(0);
        assertThat(first.zipName()).isEqualTo("npm/all.zip");
        assertThat(first.entryName()).isEqualTo("BAD-1.json");
        assertThat(first.recordId()).isEqualTo("BAD-1");
        assertThat(first.message()).contains("BAD-1.json", "events[0]", "exactly one key");
        assertThat(skipped.get(1).entryName()).isEqualTo("BAD-2.json");
        assertThat(skipped.get(1).recordId()).isNull();
        assertThat(skipped.get(1).message()).contains("not valid JSON");
    }

    @Test
    void emptyZipHasNoRecords() throws IOException {
        assertThat(ids(zip())).isEmpty();
    }

    @Test
    void truncatedInsideAnEntryThrowsNamingTheZip() throws IOException {
        byte[] whole = zip("GHSA-jfh8-c2jp-5v3q.json", OsvTestRecords.resource("GHSA-jfh8-c2jp-5v3q.json"));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> ids(cut)).isInstanceOf(OsvZipException.class).hasMessageContaining("npm/all.zip");
    }

    @Test
    void truncatedBetweenEntriesThrowsNamingTheZip() throws IOException {
        byte[] one = zip("A-1.json", "{\"id\": \"A-1\", \"modified\": \"2024-01-01T00:00:00Z\"}");
        byte[] two = zip("A-1.json", "{\"id\": \"A-1\", \"modified\": \"2024-01-01T00:00:00Z\"}",
                "A-2.json", "{\"id\": \"A-2\", \"modified\": \"2024-01-01T00:00:00Z\"}");
        // the first entry (local header + data) ends where the one-entry zip's central directory starts
        int centralDirectory = indexOf(one, new byte[] {'P', 'K', 1, 2});
        byte[] cut = Arrays.copyOf(two, centralDirectory);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<OsvRecord> records = reader.records(new ByteArrayInputStream(cut), "npm/all.zip",
                    skipped::add)) {
                records.forEach(r -> seen.add(r.id()));
            }
        }).isInstanceOf(OsvZipException.class).hasMessageContaining("npm/all.zip").hasMessageContaining("truncated");
        assertThat(seen).containsExactly("A-1");
    }

    @Test
    void corruptDataThrows() throws IOException {
        byte[] zip = zip("GHSA-jfh8-c2jp-5v3q.json", OsvTestRecords.resource("GHSA-jfh8-c2jp-5v3q.json"));
        int data = 30 + "GHSA-jfh8-c2jp-5v3q.json".length();
        for (int i = data + 10; i < data + 60; i++) {
            zip[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> ids(zip)).isInstanceOf(OsvZipException.class).hasMessageContaining("npm/all.zip");
    }

    @Test
    void notAZipThrows() {
        assertThatThrownBy(() -> ids("plain text, no zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OsvZipException.class).hasMessageContaining("npm/all.zip");
    }

    @Test
    void readsAZipFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("all.zip");
        Files.write(file, zip("GHSA-7rjr-3q55-vv33.json", OsvTestRecords.resource("GHSA-7rjr-3q55-vv33.json")));
        try (Stream<OsvRecord> records = reader.records(file, skipped::add)) {
            assertThat(records.map(OsvRecord::aliases).toList()).containsExactly(List.of("CVE-2021-45046"));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
