package dev.strata.scanner.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OsvParserTest {

    private final OsvParser parser = new OsvParser();

    private OsvRecord parse(String json) throws Exception {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "TEST.json");
    }

    private static String withRange(String range) {
        return """
                {"id": "TEST-1", "modified": "2024-01-01T00:00:00Z",
                 "affected": [{"package": {"ecosystem": "npm", "name": "p"}, "ranges": [%s]}]}
                """.formatted(range);
    }

    private void assertRejected(String json, String... messageParts) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(OsvFormatException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void fullSyntheticRecord() throws Exception {
        OsvRecord r = parse("""
                {"schema_version": "1.6.0", "id": "DEBIAN-CVE-2024-0001",
                 "modified": "2024-05-01T10:00:00.123456Z", "published": "2024-04-01T00:00:00+02:00",
                 "withdrawn": "2024-06-01T00:00:00Z",
                 "aliases": ["CVE-2024-0001"], "upstream": ["CVE-2024-0001"], "related": ["USN-1-1"],
                 "summary": "s", "details": "d",
                 "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N"}],
                 "affected": [{
                   "package": {"ecosystem": "Debian:12", "name": "openssl",
                               "purl": "pkg:deb/debian/openssl?arch=source"},
                   "severity": [{"type": "Ubuntu", "score": "high"}],
                   "ranges": [{"type": "GIT", "repo": "https://git.example/openssl",
                               "events": [{"introduced": "0"}, {"limit": "abc"}]},
                              {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"last_affected": "3.0.1-1"}],
                               "database_specific": {"x": 1}}],
                   "versions": ["3.0.0-1"],
                   "ecosystem_specific": {"urgency": "low"},
                   "database_specific": {"source": "x"}}],
                 "references": [{"type": "WEB", "url": "https://example.invalid"}],
                 "credits": [{"name": "someone"}],
                 "unknown_field": 42}
                """);
        assertThat(r.id()).isEqualTo("DEBIAN-CVE-2024-0001");
        assertThat(r.modified()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(r.published()).isEqualTo(Instant.parse("2024-03-31T22:00:00Z"));
        assertThat(r.isWithdrawn()).isTrue();
        assertThat(r.upstream()).containsExactly("CVE-2024-0001");
        assertThat(r.related()).containsExactly("USN-1-1");
        OsvAffected a = r.affected().get(0);
        assertThat(a.pkg().purl()).isEqualTo("pkg:deb/debian/openssl?arch=source");
        assertThat(a.severity()).containsExactly(new OsvSeverity("Ubuntu", "high"));
        assertThat(a.ranges().get(0).repo()).isEqualTo("https://git.example/openssl");
        assertThat(a.ranges().get(0).events()).containsExactly(new RangeEvent.Introduced("0"),
                new RangeEvent.Limit("abc"));
        assertThat(a.ranges().get(1).events()).containsExactly(new RangeEvent.Introduced("0"),
                new RangeEvent.LastAffected("3.0.1-1"));
        assertThat(a.versions()).containsExactly("3.0.0-1");
        assertThat(a.ecosystemSpecific()).isEqualTo("{\"urgency\":\"low\"}");
        assertThat(a.databaseSpecific()).isEqualTo("{\"source\":\"x\"}");
        assertThat(r.databaseSpecific()).isNull();
    }

    @Test
    void minimalRecordHasEmptyLists() throws Exception {
        OsvRecord r = parser.parse(new ByteArrayInputStream(
                "{\"id\":\"X-1\",\"modified\":\"2024-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8)), "x");
        assertThat(r.aliases()).isEmpty();
        assertThat(r.affected()).isEmpty();
        assertThat(r.published()).isNull();
        assertThat(r.isWithdrawn()).isFalse();
        assertThat(r.withdrawnAt()).isEmpty();
    }

    @Test
    void missingIdNamesTheFile() {
        assertRejected("{\"modified\": \"2024-01-01T00:00:00Z\"}", "TEST.json", "missing id");
        assertRejected("{\"id\": \"\", \"modified\": \"2024-01-01T00:00:00Z\"}", "missing id");
    }

    @Test
    void missingModifiedNamesTheRecord() {
        assertRejected("{\"id\": \"TEST-1\"}", "TEST.json (TEST-1)", "missing modified");
    }

    @Test
    void eventWithTwoKeys() {
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": [{\"introduced\": \"0\", \"fixed\": \"1\"}]}"),
                "TEST-1", "affected[0].ranges[0].events[0]", "exactly one key", "introduced", "fixed");
    }

    @Test
    void eventWithoutKeysOrWithUnknownKey() {
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": [{}]}"), "exactly one key, has 0");
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": [{\"removed\": \"1\"}]}"),
                "unknown event key 'removed'");
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": [{\"fixed\": 1.2}]}"),
                "events[0].fixed is number, expected a string");
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": [\"1.0\"]}"),
                "events[0]: event is string, expected an object");
    }

    @Test
    void badRangeType() {
        assertRejected(withRange("{\"type\": \"SEMVER2\", \"events\": [{\"introduced\": \"0\"}]}"),
                "affected[0].ranges[0].type", "unknown range type 'SEMVER2'");
        assertRejected(withRange("{\"events\": [{\"introduced\": \"0\"}]}"), "missing affected[0].ranges[0].type");
    }

    @Test
    void gitRangeNeedsRepoAndRangesNeedEvents() {
        assertRejected(withRange("{\"type\": \"GIT\", \"events\": [{\"introduced\": \"0\"}]}"), "GIT range without repo");
        assertRejected(withRange("{\"type\": \"ECOSYSTEM\", \"events\": []}"), "range without events");
    }

    @Test
    void wrongJsonTypes() {
        assertRejected("{\"id\": \"TEST-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"aliases\": \"CVE-1\"}",
                "aliases is string, expected an array");
        assertRejected("{\"id\": \"TEST-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"aliases\": [1]}",
                "aliases[0] is number, expected a string");
        assertRejected("{\"id\": 7, \"modified\": \"2024-01-01T00:00:00Z\"}", "id is number, expected a string");
        assertRejected("{\"id\": \"TEST-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": [[]]}",
                "affected[0] is array, expected an object");
        assertRejected("{\"id\": \"TEST-1\", \"modified\": \"2024-01-01T00:00:00Z\", \"affected\": [{}]}",
                "affected[0]: missing package");
        assertRejected("[]", "top level is array");
    }

    @Test
    void badTimestamp() {
        assertRejected("{\"id\": \"TEST-1\", \"modified\": \"yesterday\"}", "TEST-1", "modified", "RFC 3339",
                "yesterday");
    }

    @Test
    void malformedJson() {
        assertRejected("{\"id\": \"TEST-1\", ", "TEST.json", "not valid JSON");
        assertRejected("{\"id\": \"A\", \"id\": \"B\", \"modified\": \"2024-01-01T00:00:00Z\"}", "not valid JSON",
                "Duplicate field 'id'");
    }

    @Test
    void exceptionCarriesSourceAndId() {
        assertThatThrownBy(() -> parse("{\"id\": \"TEST-9\"}"))
                .isInstanceOfSatisfying(OsvFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("TEST.json");
                    assertThat(e.recordId()).isEqualTo("TEST-9");
                });
    }
}
