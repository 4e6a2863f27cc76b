package dev.strata.scanner.report.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.scanner.gate.AssessedFinding;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.gate.IgnoreRule;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.vuln.match.FindingStatus;
import dev.strata.scanner.vuln.match.MatchResult;
import dev.strata.scanner.vuln.match.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON report with the gate applied: {@code vulnerabilities[]} holds every finding the gate looked at, a
 * suppressed one with {@code suppressedBy} (kind, source, reason…), {@code vulnerabilitySummary} counts the ones not
 * suppressed, and a {@code gate} object gives the policy, the verdict and the expired ignore entries.
 */
public final class GateJson {

    private GateJson() {
    }

    /** The gate section of the JSON report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(Severity failOn, List<String> ignoreStatus, String verdict, boolean failed,
                          Map<Severity, Long> failing, long suppressed, List<ExpiredIgnore> expiredIgnores) {
    }

    /** An ignore entry that no longer suppresses. */
    public record ExpiredIgnore(String source, String id,
                                @JsonSerialize(using = ToStringSerializer.class) LocalDate expires, String reason) {
    }

    /** {@code report} (any object the report mapper writes, e.g. a scan report) with the gate's view added. */
    public static ObjectNode apply(Object report, GateResult gate) {
        ObjectMapper mapper = ReportJson.mapper();
        ObjectNode tree = mapper.valueToTree(report);
        tree.set("vulnerabilities", mapper.valueToTree(gate.findings()));
        if (tree.has("vulnerabilitySummary") || !gate.findings().isEmpty()) {
            tree.set("vulnerabilitySummary", mapper.valueToTree(MatchResult.summary(gate.remaining())));
        }
        tree.set("gate", mapper.valueToTree(section(gate)));
        return tree;
    }

    static Section section(GateResult gate) {
        List<String> statuses = gate.policy().ignoredStatuses().stream().sorted()
                .map(GateJson::statusName).toList();
        List<ExpiredIgnore> expired = gate.expiredIgnores().stream().map(GateJson::expired).toList();
        long suppressed = gate.findings().stream().filter(AssessedFinding::suppressed).count();
        return new Section(gate.policy().failOn(), statuses, gate.verdict().line(), gate.verdict().failed(),
                gate.verdict().failing(), suppressed, expired);
    }

    private static ExpiredIgnore expired(IgnoreRule rule) {
        return new ExpiredIgnore(rule.location(), rule.id(), rule.expires(), rule.reason());
    }

    private static String statusName(FindingStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@link #apply} as pretty-printed text with a final newline. */
    public static String write(Object report, GateResult gate) {
        return ReportJson.write(apply(report, gate)) + "\n";
    }
}
