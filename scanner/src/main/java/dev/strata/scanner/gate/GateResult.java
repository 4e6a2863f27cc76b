package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Finding;

import java.util.List;

/**
 * The findings the gate looked at, each with its suppression if any (in report order), the ignore entries that
 * have expired (listed so they get renewed or removed), and the verdict.
 */
public record GateResult(GatePolicy policy, List<AssessedFinding> findings, List<IgnoreRule> expiredIgnores,
                         GateVerdict verdict) {

    public GateResult {
        findings = List.copyOf(findings);
        expiredIgnores = List.copyOf(expiredIgnores);
    }

    /** The findings that were not suppressed. */
    public List<Finding> remaining() {
        return findings.stream().filter(a -> !a.suppressed()).map(AssessedFinding::finding).toList();
    }

    /** Whether {@code finding} counts against the threshold: not suppressed, status counted, at or above it. */
    public boolean failing(AssessedFinding finding) {
        return !finding.suppressed() && policy.counts(finding.finding())
                && policy.atOrAboveThreshold(finding.finding().severity());
    }
}
