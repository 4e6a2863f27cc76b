package dev.strata.scanner.vuln.osv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evaluator on real GitHub advisories (see SOURCE.md in the test resources). */
class RealAdvisoriesTest {

    private static final String LOG4J = "org.apache.logging.log4j:log4j-core";
    private final AffectedRangeEvaluator evaluator = new AffectedRangeEvaluator();

    @Test
    void log4shellCve202144228() throws Exception {
        OsvRecord record = OsvTestRecords.real("GHSA-jfh8-c2jp-5v3q");
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.14.1")).isEqualTo(new Verdict.Affected("2.15.0"));
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.12.1")).isEqualTo(new Verdict.Affected("2.12.2"));
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.0-beta9")).isEqualTo(new Verdict.Affected("2.3.1"));
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.12.2")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.15.0")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.17.1")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "Maven", "org.apache.logging.log4j:log4j-api", "2.14.1"))
                .isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void log4jCve202145046() throws Exception {
        OsvRecord record = OsvTestRecords.real("GHSA-7rjr-3q55-vv33");
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.14.1")).isEqualTo(new Verdict.Affected("2.16.0"));
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.15.0")).isEqualTo(new Verdict.Affected("2.16.0"));
        // the 2.12.x backport line: 2.12.1 is fixed by 2.12.2, the range [2.13.0, 2.16.0) does not cover it
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.12.1")).isEqualTo(new Verdict.Affected("2.12.2"));
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.16.0")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "Maven", LOG4J, "2.17.1")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void lodashCve20208203() throws Exception {
        OsvRecord record = OsvTestRecords.real("GHSA-p6mc-m468-83gw");
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.15")).isEqualTo(new Verdict.Affected("4.17.20"));
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.20")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.21")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "npm", "lodash-es", "4.17.15")).isEqualTo(new Verdict.Affected("4.17.20"));
    }

    @Test
    void lodashCve202123337() throws Exception {
        OsvRecord record = OsvTestRecords.real("GHSA-35jh-r3h4-6jhm");
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.15")).isEqualTo(new Verdict.Affected("4.17.21"));
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.20")).isEqualTo(new Verdict.Affected("4.17.21"));
        assertThat(evaluator.evaluate(record, "npm", "lodash", "4.17.21")).isEqualTo(Verdict.NOT_AFFECTED);
        // the ecosystem is compared exactly: "NPM" is not an OSV ecosystem name
        assertThat(evaluator.evaluate(record, "NPM", "lodash", "4.17.15")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void debianDsa30291() throws Exception {
        OsvRecord record = OsvTestRecords.real("DSA-3029-1");
        assertThat(record.schemaVersion()).isNull();
        assertThat(record.aliases()).containsExactly("CVE-2014-3616");
        assertThat(evaluator.evaluate(record, "Debian:7", "nginx", "1.2.1-2.2+wheezy2"))
                .isEqualTo(new Verdict.Affected("1.2.1-2.2+wheezy3"));
        assertThat(evaluator.evaluate(record, "Debian:7", "nginx", "1.2.1-2.2"))
                .isEqualTo(new Verdict.Affected("1.2.1-2.2+wheezy3"));
        assertThat(evaluator.evaluate(record, "Debian:7", "nginx", "1.2.1-2.2+wheezy3")).isEqualTo(Verdict.NOT_AFFECTED);
        assertThat(evaluator.evaluate(record, "Debian:7", "nginx", "1.2.1-2.2+wheezy3+deb7u1"))
                .isEqualTo(Verdict.NOT_AFFECTED);
        // the record only speaks for wheezy: another release is not matched
        assertThat(evaluator.evaluate(record, "Debian:8", "nginx", "1.6.1-1")).isEqualTo(Verdict.NOT_AFFECTED);
    }

    @Test
    void realRecordsParseCompletely() throws Exception {
        OsvRecord record = OsvTestRecords.real("GHSA-jfh8-c2jp-5v3q");
        assertThat(record.schemaVersion()).isEqualTo("1.3.0");
        assertThat(record.aliases()).containsExactly("CVE-2021-44228");
        assertThat(record.modified()).hasToString("2022-03-25T20:56:18Z");
        assertThat(record.published()).hasToString("2021-12-10T00:40:56Z");
        assertThat(record.isWithdrawn()).isFalse();
        assertThat(record.summary()).isEqualTo("Remote code injection in Log4j");
        assertThat(record.severity()).containsExactly(
                new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"));
        assertThat(record.affected()).hasSize(3);
        OsvAffected first = record.affected().get(0);
        assertThat(first.pkg()).isEqualTo(new OsvPackage("Maven", LOG4J, null));
        assertThat(first.ranges()).containsExactly(new OsvRange(OsvRange.Type.ECOSYSTEM, null,
                java.util.List.of(new RangeEvent.Introduced("2.13.0"), new RangeEvent.Fixed("2.15.0"))));
        assertThat(record.references()).hasSize(7).first()
                .isEqualTo(new OsvReference("ADVISORY", "https://nvd.nist.gov/vuln/detail/CVE-2021-44228"));
        assertThat(record.databaseSpecific()).contains("\"cwe_ids\":[\"CWE-20\"", "\"github_reviewed\":true");

        OsvAffected lodash = OsvTestRecords.real("GHSA-p6mc-m468-83gw").affected().get(0);
        assertThat(lodash.ecosystemSpecific()).isEqualTo("{\"affected_functions\":[\"lodash.baseSet\"]}");
    }
}
