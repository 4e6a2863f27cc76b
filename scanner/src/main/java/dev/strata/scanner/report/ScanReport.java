package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.scanner.vuln.match.Finding;
import dev.strata.scanner.vuln.match.MatchResult;
import dev.strata.scanner.vuln.match.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of one image scan: the image, its layers, OS and packages, and — once matched against a vulnerability
 * database ({@code vulnerabilityDb}, null when the scan skipped it) — the {@code vulnerabilities[]} found and their
 * count per severity ({@code vulnerabilitySummary}, every severity present, most severe first).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanReport(int reportVersion, ImageSummary image, List<LayerSummary> layers, OsSummary os,
                         List<PackageSummary> packages, ScanStats stats, List<String> warnings,
                         VulnerabilityDbSummary vulnerabilityDb, List<Finding> vulnerabilities,
                         Map<Severity, Long> vulnerabilitySummary) {
    /** Bumped whenever the report's content changes, so reports stored by older versions are recomputed. */
    public static final int VERSION = 3;

    public ScanReport {
        layers = List.copyOf(layers);
        packages = packages == null ? List.of() : List.copyOf(packages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        vulnerabilitySummary = vulnerabilitySummary == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vulnerabilitySummary));
    }

    /** A report without vulnerability data (not matched yet). */
    public ScanReport(int reportVersion, ImageSummary image, List<LayerSummary> layers, OsSummary os,
                      List<PackageSummary> packages, ScanStats stats, List<String> warnings) {
        this(reportVersion, image, layers, os, packages, stats, warnings, null, List.of(), null);
    }

    /** The same report with another reference and stats, for a result served from the index. */
    public ScanReport withReferenceAndStats(String reference, ScanStats newStats) {
        return new ScanReport(reportVersion, image.withReference(reference), layers, os, packages, newStats, warnings,
                vulnerabilityDb, vulnerabilities, vulnerabilitySummary);
    }

    /** The same report with {@code findings} matched against {@code db}, and their summary. */
    public ScanReport withVulnerabilities(VulnerabilityDbSummary db, List<Finding> findings) {
        Map<Severity, Long> summary = MatchResult.summary(findings);
        return new ScanReport(reportVersion, image, layers, os, packages, stats, warnings, db, findings, summary);
    }

    /** The same report with only {@code findings} (a filtered subset) kept, the summary recounted. */
    public ScanReport withFindings(List<Finding> findings) {
        return vulnerabilityDb == null ? this : withVulnerabilities(vulnerabilityDb, findings);
    }

    /** The same report without vulnerability data, for a scan that skipped the database. */
    public ScanReport withoutVulnerabilities() {
        return new ScanReport(reportVersion, image, layers, os, packages, stats, warnings, null, List.of(), null);
    }
}
