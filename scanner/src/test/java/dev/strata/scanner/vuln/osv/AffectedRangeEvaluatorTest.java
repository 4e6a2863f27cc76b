package dev.strata.scanner.vuln.osv;

import static dev.strata.scanner.vuln.osv.OsvTestRecords.ecosystem;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.entry;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.fixed;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.git;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.introduced;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.lastAffected;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.limit;
import static dev.strata.scanner.vuln.osv.OsvTestRecords.semver;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffectedRangeEvaluatorTest {

    private static final Verdict NOT = Verdict.NOT_AFFECTED;
    private final AffectedRangeEvaluator evaluator = new AffectedRangeEvaluator();

    private static Verdict affected(String fixed) {
        return new Verdict.Affected(fixed);
    }

    @Test
    void introducedZeroIsBeforeEverything() {
        OsvAffected entry = entry("npm", ecosystem(introduced("0"), fixed("1.2.0")));
        assertThat(evaluator.evaluate("0.0.0", entry)).isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.2.0-rc.1", entry)).isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.2.0", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("3.0.0", entry)).isEqualTo(NOT);
        assertThat(evaluator.isAffected("1.1.9", entry)).isTrue();
        assertThat(evaluator.isAffected("1.2.0", entry)).isFalse();
    }

    @Test
    void introducedIsInclusiveFixedIsExclusive() {
        OsvAffected entry = entry("npm", ecosystem(introduced("1.0.0"), fixed("1.2.0")));
        assertThat(evaluator.evaluate("0.9.9", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("1.0.0", entry)).isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.2.0", entry)).isEqualTo(NOT);
    }

    @Test
    void introducedWithoutFixIsAffectedWithoutFixedVersion() {
        OsvAffected entry = entry("npm", ecosystem(introduced("1.0.0")));
        assertThat(evaluator.evaluate("99.0.0", entry)).isEqualTo(affected(null));
        assertThat(((Verdict.Affected) evaluator.evaluate("99.0.0", entry)).fixed()).isEmpty();
    }

    @Test
    void lastAffectedIsInclusive() {
        OsvAffected entry = entry("npm", ecosystem(introduced("1.0.0"), lastAffected("1.4.0")));
        assertThat(evaluator.evaluate("1.4.0", entry)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("1.3.9", entry)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("1.4.1", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("0.9.0", entry)).isEqualTo(NOT);
    }

    @Test
    void limitBoundsTheRange() {
        OsvAffected bounded = entry("npm", ecosystem(introduced("1.0.0"), limit("2.0.0")));
        assertThat(evaluator.evaluate("1.5.0", bounded)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("2.0.0", bounded)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("3.0.0", bounded)).isEqualTo(NOT);

        OsvAffected unbounded = entry("npm", ecosystem(introduced("1.0.0"), limit("*")));
        assertThat(evaluator.evaluate("9.0.0", unbounded)).isEqualTo(affected(null));

        // a limit cuts off even what a fix would not: 1.x fixed at 1.5, 2.x never fixed but outside the limit
        OsvAffected limitAndFix = entry("npm", ecosystem(introduced("0"), fixed("1.5.0"), introduced("1.8.0"),
                limit("2.0.0")));
        assertThat(evaluator.evaluate("1.4.0", limitAndFix)).isEqualTo(affected("1.5.0"));
        assertThat(evaluator.evaluate("1.6.0", limitAndFix)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("1.9.0", limitAndFix)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("2.1.0", limitAndFix)).isEqualTo(NOT);
    }

    @Test
    void eventsAreSortedAndTheFixedVersionIsTheLowestAboveTheInstalledOne() {
        // record order is not version order; two affected windows in one range
        OsvAffected entry = entry("npm", ecosystem(fixed("2.3.0"), introduced("2.0.0"), fixed("1.2.0"),
                introduced("0")));
        assertThat(evaluator.evaluate("1.1.0", entry)).isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.5.0", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("2.2.0", entry)).isEqualTo(affected("2.3.0"));
        assertThat(evaluator.evaluate("2.3.0", entry)).isEqualTo(NOT);
    }

    @Test
    void severalRangesAnyOneSuffices() {
        OsvAffected entry = entry("PyPI", ecosystem(introduced("1.0"), fixed("1.2")),
                ecosystem(introduced("2.0"), fixed("2.3")));
        assertThat(evaluator.evaluate("1.1", entry)).isEqualTo(affected("1.2"));
        assertThat(evaluator.evaluate("2.1", entry)).isEqualTo(affected("2.3"));
        assertThat(evaluator.evaluate("1.5", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("2.3", entry)).isEqualTo(NOT);
    }

    @Test
    void aRangeNamingAFixIsPreferred() {
        OsvAffected entry = entry("npm", ecosystem(introduced("0"), lastAffected("1.5.0")),
                semver(introduced("1.0.0"), fixed("1.6.0")));
        assertThat(evaluator.evaluate("1.2.0", entry)).isEqualTo(affected("1.6.0"));
        assertThat(evaluator.evaluate("0.5.0", entry)).isEqualTo(affected(null));
    }

    @Test
    void severalAffectedEntriesAreMatchedByExactEcosystemAndName() {
        OsvRecord record = record(null,
                entry("Debian:11", "openssl", List.of(), ecosystem(introduced("0"), fixed("1.1.1w-0+deb11u2"))),
                entry("Debian:12", "openssl", List.of(), ecosystem(introduced("0"), fixed("3.0.13-1~deb12u1"))),
                entry("Debian:12", "curl", List.of(), ecosystem(introduced("0"))));
        assertThat(evaluator.evaluate(record, "Debian:12", "openssl", "3.0.11-1~deb12u2"))
                .isEqualTo(affected("3.0.13-1~deb12u1"));
        assertThat(evaluator.evaluate(record, "Debian:12", "openssl", "3.0.13-1~deb12u1")).isEqualTo(NOT);
        assertThat(evaluator.evaluate(record, "Debian:11", "openssl", "1.1.1w-0+deb11u2")).isEqualTo(NOT);
        assertThat(evaluator.evaluate(record, "Debian:11", "openssl", "1.1.1n-0+deb11u4"))
                .isEqualTo(affected("1.1.1w-0+deb11u2"));
        assertThat(evaluator.evaluate(record, "Debian:12", "curl", "7.88.1-10+deb12u5")).isEqualTo(affected(null));
        assertThat(evaluator.evaluate(record, "Debian:13", "openssl", "3.0.11-1")).isEqualTo(NOT);
        assertThat(evaluator.evaluate(record, "Debian:12", "libssl3", "3.0.11-1~deb12u2")).isEqualTo(NOT);
    }

    @Test
    void aFixedVersionIsPreferredAcrossEntries() {
        OsvRecord record = record(null,
                entry("npm", "left-pad", List.of("1.0.0")),
                entry("npm", "left-pad", List.of(), ecosystem(introduced("0"), fixed("1.1.0"))));
        assertThat(evaluator.evaluate(record, "npm", "left-pad", "1.0.0")).isEqualTo(affected("1.1.0"));
    }

    @Test
    void versionsListOnly() {
        OsvAffected entry = entry("PyPI", "pkg", List.of("1.0", "1.1"));
        assertThat(evaluator.evaluate("1.1", entry)).isEqualTo(affected(null));
        // the schema compares listed versions as strings: equal under PEP 440 is not enough
        assertThat(evaluator.evaluate("1.0.0", entry)).isEqualTo(NOT);
        assertThat(evaluator.evaluate("1.2", entry)).isEqualTo(NOT);

        OsvAffected unknownEcosystem = entry("Hackage", "pkg", List.of("0.3.1"));
        assertThat(evaluator.evaluate("0.3.1", unknownEcosystem)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("0.3.2", unknownEcosystem)).isEqualTo(NOT);
    }

    @Test
    void versionsListMatchesEvenWhenRangesDoNot() {
        OsvAffected entry = entry("npm", "pkg", List.of("0.5.0"), ecosystem(introduced("1.0.0"), fixed("1.1.0")));
        assertThat(evaluator.evaluate("0.5.0", entry)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("1.0.5", entry)).isEqualTo(affected("1.1.0"));
        assertThat(evaluator.evaluate("0.6.0", entry)).isEqualTo(NOT);
    }

    @Test
    void semverRangesUseSemVerWhateverTheEcosystem() {
        // Hex has no ordering in Strata: its SEMVER range is still evaluable, its ECOSYSTEM range is not
        assertThat(evaluator.evaluate("1.1.0", entry("Hex", semver(introduced("1.0.0"), fixed("1.2.0")))))
                .isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.1.0", entry("Hex", ecosystem(introduced("1.0.0"), fixed("1.2.0")))))
                .isInstanceOf(Verdict.Unknown.class);
        // PEP 440 orders 1.2.0rc1 before 1.2.0; it is no SemVer version, so the SEMVER range cannot place it
        assertThat(evaluator.evaluate("1.2.0rc1", entry("PyPI", ecosystem(introduced("1.0.0"), fixed("1.2.0")))))
                .isEqualTo(affected("1.2.0"));
        assertThat(evaluator.evaluate("1.2.0rc1", entry("PyPI", semver(introduced("1.0.0"), fixed("1.2.0")))))
                .isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void ecosystemOrderingIsUsed() {
        // dpkg: ~ sorts before everything, an epoch outranks the upstream version
        OsvAffected entry = entry("Debian:12", ecosystem(introduced("0"), fixed("1:2.0-1")));
        assertThat(evaluator.evaluate("9.9-1", entry)).isEqualTo(affected("1:2.0-1"));
        assertThat(evaluator.evaluate("1:2.0-1~deb12u1", entry)).isEqualTo(affected("1:2.0-1"));
        assertThat(evaluator.evaluate("1:2.0-1+deb12u1", entry)).isEqualTo(NOT);
        // Maven: 1.10 after 1.9 (not a string comparison)
        OsvAffected maven = entry("Maven", ecosystem(introduced("1.0"), fixed("1.10")));
        assertThat(evaluator.evaluate("1.9", maven)).isEqualTo(affected("1.10"));
    }

    @Test
    void gitOnlyRangesAreUnknownUnlessVersionsAreListed() {
        OsvAffected gitOnly = entry("npm", git(introduced("0"), fixed("a1b2c3d")));
        assertThat(evaluator.evaluate("1.0.0", gitOnly)).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) evaluator.evaluate("1.0.0", gitOnly)).reason()).contains("GIT");

        OsvAffected gitWithVersions = entry("npm", "pkg", List.of("1.0.0", "1.0.1"), git(introduced("0"),
                fixed("a1b2c3d")));
        assertThat(evaluator.evaluate("1.0.1", gitWithVersions)).isEqualTo(affected(null));
        assertThat(evaluator.evaluate("1.0.2", gitWithVersions)).isEqualTo(NOT);

        // a GIT range beside an ECOSYSTEM range is skipped, the other still decides
        OsvAffected mixed = entry("npm", git(introduced("0"), fixed("a1b2c3d")),
                ecosystem(introduced("0"), fixed("2.0.0")));
        assertThat(evaluator.evaluate("1.0.0", mixed)).isEqualTo(affected("2.0.0"));
        assertThat(evaluator.evaluate("2.0.0", mixed)).isEqualTo(NOT);
    }

    @Test
    void unknownEcosystemIsUnknownNotFalse() {
        Verdict verdict = evaluator.evaluate("1.0.0", entry("Hackage", ecosystem(introduced("0"), fixed("2.0.0"))));
        assertThat(verdict).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) verdict).reason()).contains("Hackage");
        assertThat(evaluator.isAffected("1.0.0", entry("Hackage", ecosystem(introduced("0"))))).isFalse();

        OsvRecord record = record(null, entry("Hackage", "aeson", List.of(), ecosystem(introduced("0"))));
        assertThat(evaluator.evaluate(record, "Hackage", "aeson", "2.0.0.0")).isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void unorderableVersionsAreUnknown() {
        OsvAffected entry = entry("npm", ecosystem(introduced("0"), fixed("1.2.0")));
        Verdict verdict = evaluator.evaluate("not a version", entry);
        assertThat(verdict).isInstanceOf(Verdict.Unknown.class);
        assertThat(((Verdict.Unknown) verdict).reason()).contains("not a version");

        OsvAffected badEvent = entry("npm", ecosystem(introduced("0"), fixed("one point two")));
        assertThat(evaluator.evaluate("1.0.0", badEvent)).isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void entryWithoutRangesOrVersionsIsUnknown() {
        assertThat(evaluator.evaluate("1.0.0", entry("npm"))).isInstanceOf(Verdict.Unknown.class);
    }

    @Test
    void withdrawnRecordsAreSkipped() {
        OsvRecord record = record(Instant.parse("2024-01-02T00:00:00Z"),
                entry("npm", "pkg", List.of(), ecosystem(introduced("0"))));
        assertThat(record.isWithdrawn()).isTrue();
        assertThat(record.withdrawnAt()).contains(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(evaluator.evaluate(record, "npm", "pkg", "1.0.0")).isEqualTo(NOT);
        // the entry itself still says affected: only the record-level evaluation honours withdrawal
        assertThat(evaluator.evaluate("1.0.0", record.affected().get(0))).isEqualTo(affected(null));
    }

    private static OsvRecord record(Instant withdrawn, OsvAffected... affected) {
        return new OsvRecord("1.6.0", "TEST-1", Instant.parse("2024-01-01T00:00:00Z"), null, withdrawn, List.of(),
                List.of(), List.of(), null, null, List.of(), List.of(affected), List.of(), null);
    }
}
