package dev.strata.scanner.vuln.match;

import java.util.List;
import java.util.Set;

/** The report filters as pure functions: {@code --severity LIST} and {@code --ignore-unfixed}; order is kept. */
public final class FindingFilters {

    private FindingFilters() {
    }

    /** Keeps findings whose severity is in {@code severities}. */
    public static List<Finding> bySeverity(List<Finding> findings, Set<Severity> severities) {
        return findings.stream().filter(f -> severities.contains(f.severity())).toList();
    }

    /** Keeps only findings with a fixed version ({@link FindingStatus#FIXED}): drops UNFIXED and WONT_FIX. */
    public static List<Finding> ignoreUnfixed(List<Finding> findings) {
        return findings.stream().filter(f -> f.status() == FindingStatus.FIXED).toList();
    }
}
