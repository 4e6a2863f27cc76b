package dev.strata.scanner.vuln.match;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The findings of one match run, in report order, and the notes about what was not matched or not decidable. */
public record MatchResult(List<Finding> findings, List<MatchNote> notes) {

    public MatchResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Findings per severity, every severity present (zero when none), most severe first. */
    public Map<Severity, Long> summary() {
        return summary(findings);
    }

    /** Counts {@code findings} per severity, every severity present, most severe first. */
    public static Map<Severity, Long> summary(List<Finding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }
}
