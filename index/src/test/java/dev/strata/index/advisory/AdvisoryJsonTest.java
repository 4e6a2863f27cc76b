package dev.strata.index.advisory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.scanner.vuln.feeds.DebianStatus;
import dev.strata.scanner.vuln.osv.OsvAffected;
import dev.strata.scanner.vuln.osv.OsvPackage;
import dev.strata.scanner.vuln.osv.OsvRange;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import dev.strata.scanner.vuln.osv.RangeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisoryJsonTest {

    @Test
    void osvAdvisoryRoundTripsWithItsAffectedEntry() {
        OsvAffected affected = new OsvAffected(new OsvPackage("Maven", "g:a", null), List.of(),
                List.of(new OsvRange(OsvRange.Type.ECOSYSTEM, null,
                        List.of(new RangeEvent.Introduced("2.0"), new RangeEvent.Fixed("2.15.0")))),
                List.of("2.0", "2.1"), null, "{\"source\":\"x\"}");
        StoredAdvisory.Osv osv = new StoredAdvisory.Osv("GHSA-1", List.of("CVE-1"), "sum",
                List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N")), null, Instant.parse("2024-01-02T03:04:05Z"),
                "Maven", "g:a", AdvisoryJson.affectedJson(affected));

        StoredAdvisory back = AdvisoryJson.decode(AdvisoryJson.encode(osv));

        assertEquals(osv, back);
        assertEquals(affected, ((StoredAdvisory.Osv) back).affected());
    }

    @Test
    void distroEntriesRoundTrip() {
        StoredAdvisory d = new StoredAdvisory.Debian("Debian:12", "zlib", "CVE-2023-45853", "bookworm",
                DebianStatus.OPEN, null, "low", "Minor issue", "ignored");
        StoredAdvisory a = new StoredAdvisory.Alpine("Alpine:v3.19", "openssl", "CVE-2024-0727", null);
        assertEquals(d, AdvisoryJson.decode(AdvisoryJson.encode(d)));
        assertEquals(a, AdvisoryJson.decode(AdvisoryJson.encode(a)));
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
