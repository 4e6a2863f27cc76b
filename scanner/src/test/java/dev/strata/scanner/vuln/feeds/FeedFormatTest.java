package dev.strata.scanner.vuln.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedFormatTest {

    /** An OSV record in the shape of ossf/osv-schema docs/schema.md (values illustrative). */
    private static final String OSV = """
            {"schema_version": "1.6.0", "id": "DEBIAN-CVE-2022-37434", "modified": "2024-09-18T03:12:55Z",
             "published": "2022-08-05T07:15:07Z", "aliases": ["CVE-2022-37434"],
             "details": "zlib through 1.2.12 has a heap-based buffer over-read",
             "affected": [{"package": {"ecosystem": "Debian:12", "name": "zlib"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1:1.2.11.dfsg-4.1"}]}]}]}
            """;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void zipMagicIsOsvZip() {
        assertThat(FeedFormat.detect(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0})).isEqualTo(FeedFormat.OSV_ZIP);
        assertThat(FeedFormat.detect(new byte[] {'P', 'K'})).isEqualTo(FeedFormat.UNKNOWN);
    }

    @Test
    void wholeFilesAreRecognised() {
        assertThat(FeedFormat.detect(FeedResources.bytes("debian-tracker-excerpt.json")))
                .isEqualTo(FeedFormat.DEBIAN_TRACKER);
        assertThat(FeedFormat.detect(FeedResources.bytes("alpine-secdb-v3.19-main-excerpt.json")))
                .isEqualTo(FeedFormat.ALPINE_SECDB);
        assertThat(FeedFormat.detect(FeedResources.bytes("alpine-secdb-quirks.json")))
                .isEqualTo(FeedFormat.ALPINE_SECDB);
        assertThat(FeedFormat.detect(utf8(OSV))).isEqualTo(FeedFormat.OSV_RECORD);
    }

    @Test
    void headsCutMidDocumentAreRecognised() {
        assertThat(FeedFormat.detect(Arrays.copyOf(FeedResources.bytes("debian-tracker-excerpt.json"), 700)))
                .isEqualTo(FeedFormat.DEBIAN_TRACKER);
        assertThat(FeedFormat.detect(Arrays.copyOf(FeedResources.bytes("alpine-secdb-v3.19-main-excerpt.json"), 400)))
                .isEqualTo(FeedFormat.ALPINE_SECDB);
        assertThat(FeedFormat.detect(Arrays.copyOf(utf8(OSV), 140))).isEqualTo(FeedFormat.OSV_RECORD);
    }

    @Test
    void tooShortOrOtherJsonIsUnknown() {
        assertThat(FeedFormat.detect(Arrays.copyOf(FeedResources.bytes("debian-tracker-excerpt.json"), 60)))
                .isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(new byte[0])).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(utf8("[{\"id\": \"X\", \"affected\": []}]"))).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(utf8("{\"a\": {\"b\": {\"c\": 1}}}"))).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(utf8("{\"a\": [{\"releases\": {}}]}"))).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(utf8("{\"packages\": []}"))).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(utf8("not json at all"))).isEqualTo(FeedFormat.UNKNOWN);
        assertThat(FeedFormat.detect(new byte[] {0x1f, (byte) 0x8b, 8, 0})).isEqualTo(FeedFormat.UNKNOWN);
    }
}
