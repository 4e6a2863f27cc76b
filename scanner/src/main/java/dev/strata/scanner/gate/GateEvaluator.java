package dev.strata.scanner.gate;

import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link GatePolicy}, ignore-file entries and VEX statements to findings. Findings whose status the
 * policy ignores are left out; an unexpired ignore entry that covers a finding suppresses it (the first such entry
 * in file order), else a deciding VEX statement with status {@code not_affected} or {@code fixed} does. Ignore
 * entries are expired from the day after their {@code expires} date; expired entries covering a finding no longer
 * suppress it and are reported.
 */
public final class GateEvaluator {

    private final GatePolicy policy;
    private final List<IgnoreRule> ignoreRules;
    private final VexMatcher vex;
    private final LocalDate today;

    public GateEvaluator(GatePolicy policy, List<IgnoreRule> ignoreRules, VexMatcher vex, LocalDate today) {
        this.policy = policy;
        this.ignoreRules = List.copyOf(ignoreRules);
        this.vex = vex == null ? new VexMatcher(List.of(), null) : vex;
        this.today = today;
    }

    /** Assesses {@code findings} (in their order) and gives the verdict. */
    public GateResult evaluate(List<Finding> findings) {
        List<AssessedFinding> assessed = new ArrayList<>();
        Set<IgnoreRule> expired = new LinkedHashSet<>();
        for (IgnoreRule rule : ignoreRules) {
            if (rule.expiredOn(today)) {
                expired.add(rule);
            }
        }
        Map<Severity, Long> failing = new EnumMap<>(Severity.class);
        long below = 0;
        long suppressed = 0;
        for (Finding f : findings) {
            if (!policy.counts(f)) {
                continue;
            }
            Suppression suppression = suppression(f);
            assessed.add(new AssessedFinding(f, suppression));
            if (suppression != null) {
                suppressed++;
            } else if (policy.atOrAboveThreshold(f.severity())) {
                failing.merge(f.severity(), 1L, Long::sum);
            } else {
                below++;
            }
        }
        GateVerdict verdict = new GateVerdict(policy.failOn(), failing, below, suppressed, expired.size());
        return new GateResult(policy, assessed, List.copyOf(expired), verdict);
    }

    private Suppression suppression(Finding f) {
        for (IgnoreRule rule : ignoreRules) {
            if (!rule.expiredOn(today) && rule.covers(f)) {
                return Suppression.ByIgnoreRule.of(rule);
            }
        }
        Optional<VexStatement> statement = vex.decide(f);
        return statement.filter(s -> s.status().suppresses()).map(VexStatement::suppression).orElse(null);
    }
}
