package dev.strata.scanner.vuln.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.scanner.vuln.osv.OsvRecord;
import dev.strata.scanner.vuln.osv.OsvSeverity;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityRaterTest {

    private static final String V4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    @Test
    void baseScoresOfTheRealRecordsVectors() {
        assertThat(score("GHSA-jfh8-c2jp-5v3q")).isEqualTo(10.0);
        assertThat(score("GHSA-7rjr-3q55-vv33")).isEqualTo(9.0);
        assertThat(score("GHSA-p6mc-m468-83gw")).isEqualTo(7.4);
        assertThat(score("GHSA-35jh-r3h4-6jhm")).isEqualTo(7.2);
    }

    private static double score(String id) {
        OsvRecord record = Advisories.osv(id);
        assertThat(record.severity()).extracting(OsvSeverity::type).containsExactly("CVSS_V3");
        return SeverityRater.baseScore(record.severity().get(0).score());
    }

    @Test
    void cvss30VectorsAreScoredToo() {
        assertThat(SeverityRater.ofOsv(List.of(new OsvSeverity("CVSS_V3",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N")), null)).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void thresholds() {
        assertThat(List.of(9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0.1, 0.0)).map(Severity::ofScore).containsExactly(
                Severity.CRITICAL, Severity.HIGH, Severity.HIGH, Severity.MEDIUM, Severity.MEDIUM, Severity.LOW,
                Severity.LOW, Severity.UNKNOWN);
    }

    @Test
    void cvssV4FallsBackToDatabaseSpecificSeverity() {
        List<OsvSeverity> v4 = List.of(new OsvSeverity("CVSS_V4", V4));
        assertThat(SeverityRater.ofOsv(v4, "{\"severity\": \"CRITICAL\", \"github_reviewed\": true}"))
                .isEqualTo(Severity.CRITICAL);
        assertThat(SeverityRater.ofOsv(v4, "{\"severity\": \"MODERATE\"}")).isEqualTo(Severity.MEDIUM);
        assertThat(SeverityRater.ofOsv(v4, null)).isEqualTo(Severity.UNKNOWN);
        assertThat(SeverityRater.ofOsv(v4, "{\"cwe_ids\": []}")).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void cvssV3WinsOverDatabaseSpecificAndTheHighestVectorCounts() {
        List<OsvSeverity> both = List.of(new OsvSeverity("CVSS_V4", V4),
                new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H"),
                new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        assertThat(SeverityRater.ofOsv(both, "{\"severity\": \"LOW\"}")).isEqualTo(Severity.CRITICAL);
        assertThat(SeverityRater.ofOsv(List.of(new OsvSeverity("CVSS_V3", "not a vector")), "{\"severity\": \"LOW\"}"))
                .isEqualTo(Severity.LOW);
    }

    @Test
    void debianUrgency() {
        assertThat(List.of("high", "high**", "medium", "low", "unimportant", "not yet assigned"))
                .map(SeverityRater::ofDebianUrgency).containsExactly(Severity.HIGH, Severity.HIGH, Severity.MEDIUM,
                        Severity.LOW, Severity.LOW, Severity.UNKNOWN);
        assertThat(SeverityRater.ofDebianUrgency(null)).isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void severityListOption() {
        assertThat(Severity.parseList("critical, HIGH,,")).isEqualTo(EnumSet.of(Severity.CRITICAL, Severity.HIGH));
        assertThatThrownBy(() -> Severity.parseList("HIGH,SEVERE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown severity 'SEVERE'");
    }
}
