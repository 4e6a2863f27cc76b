package dev.strata.index.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.scanner.vuln.feeds.AlpineFix;
import dev.strata.scanner.vuln.feeds.DebianAdvisory;
import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.match.Advisory;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvPackage;
import dev.strata.scanner.vuln.osv.OsvRange;
import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import dev.strata.scanner.vuln.osv.RangeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvisoryJsonTest {

    @Test
    void osvAdvisoryRoundTripsWithDatabaseSpecific() {
        OsvAffected affected = new OsvAffected(new OsvPackage("Maven", "g:a", null), List.of(),
                List.of(new OsvRange(OsvRange.Type.ECOSYSTEM, null,
                        List.of(new RangeEvent.Introduced("2.0"), new RangeEvent.Fixed("2.15.0")))),
                List.of("2.0", "2.1"), null, "{\"source\":\"x\"}");
        OsvRecord record = new OsvRecord("1.4.0", "GHSA-1", Instant.parse("2024-01-02T03:04:05Z"), null, null,
                List.of("CVE-1"), List.of(), List.of(), "sum", "details", List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N")),
                List.of(affected), List.of(), "{\"severity\":\"HIGH\"}");
        Advisory osv = new Advisory.OsvAdvisory(record);

        assertEquals(osv, AdvisoryJson.decode(AdvisoryFields.source(osv), AdvisoryJson.encode(osv)));
        assertEquals("Maven", AdvisoryFields.ecosystem(osv));
        assertEquals("osv|GHSA-1|Maven|g:a", AdvisoryFields.key(osv));
    }

    @Test
    void distroEntriesRoundTrip() {
        Advisory d = new Advisory.DebianAdvisoryRecord(new DebianAdvisory("zlib", "CVE-2023-45853", true, "MiniZip…",
                null, 1054290L, "bookworm", DebianStatus.OPEN, null, "low", "Minor issue", "ignored", false,
                Map.of("bookworm", "1:1.2.13.dfsg-1")));
        Advisory a = new Advisory.AlpineAdvisoryRecord(new AlpineFix("v3.19", "main", "openssl", null, "CVE-2024-0727"));
        assertEquals(d, AdvisoryJson.decode(AdvisoryFields.source(d), AdvisoryJson.encode(d)));
        assertEquals(a, AdvisoryJson.decode(AdvisoryFields.source(a), AdvisoryJson.encode(a)));
        assertEquals("debian-tracker|CVE-2023-45853|Debian:12|zlib", AdvisoryFields.key(d));
        assertEquals("alpine-secdb|CVE-2024-0727|Alpine:v3.19|openssl", AdvisoryFields.key(a));
    }

    @Test
    void debianCodenamesMapToOsvEcosystems() {
        assertEquals("Debian:12", DistroEcosystems.ecosystem("bookworm"));
        assertEquals("Debian:11", DistroEcosystems.ecosystem("bullseye"));
        assertEquals("Debian:13", DistroEcosystems.ecosystem("trixie"));
        assertEquals("Debian:sid", DistroEcosystems.ecosystem("sid"));
        assertEquals("Alpine:v3.19", DistroEcosystems.alpineEcosystem("v3.19"));
    }
}
