package dev.strata.scanner.vuln.match;

import static dev.strata.scanner.vuln.match.Packages.DEBIAN_12;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingFiltersTest {

    private final List<Finding> findings = new VulnerabilityMatcher(Advisories.all())
            .match(VulnerabilityMatcherTest.IMAGE, DEBIAN_12).findings();

    @Test
    void severityFilterKeepsListedLevelsInOrder() {
        assertThat(FindingFilters.bySeverity(findings, Severity.parseList("CRITICAL,HIGH")))
                .extracting(Finding::id).containsExactly(
                        "GHSA-7rjr-3q55-vv33", "GHSA-jfh8-c2jp-5v3q", "GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw");
        assertThat(FindingFilters.bySeverity(findings, EnumSet.of(Severity.UNKNOWN)))
                .extracting(Finding::id).containsExactly("CVE-2023-45853");
        assertThat(FindingFilters.bySeverity(findings, EnumSet.of(Severity.MEDIUM, Severity.LOW))).isEmpty();
    }

    @Test
    void ignoreUnfixedDropsUnfixedAndWontFix() {
        Finding unfixed = new Finding("CVE-2099-0001", List.of(), "pkg:npm/x@1", "x", "1", null,
                FindingStatus.UNFIXED, Severity.HIGH, null, null, null);
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(unfixed);
        assertThat(FindingFilters.ignoreUnfixed(all)).extracting(Finding::id).containsExactly(
                "GHSA-7rjr-3q55-vv33", "GHSA-jfh8-c2jp-5v3q", "GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw");
    }

    @Test
    void filtersCompose() {
        assertThat(FindingFilters.ignoreUnfixed(FindingFilters.bySeverity(findings, EnumSet.of(Severity.UNKNOWN))))
                .isEmpty();
        assertThat(MatchResult.summary(FindingFilters.ignoreUnfixed(findings)))
                .containsEntry(Severity.CRITICAL, 2L).containsEntry(Severity.HIGH, 2L)
                .containsEntry(Severity.UNKNOWN, 0L);
    }
}
