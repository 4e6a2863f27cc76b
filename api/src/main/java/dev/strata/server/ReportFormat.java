package dev.strata.server;

import dev.strata.cli.StrataVersion;
import dev.strata.scanner.gate.GateEvaluator;
import dev.strata.scanner.gate.GatePolicy;
import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.report.format.FindingsReport;
import dev.strata.scanner.report.format.JunitWriter;
import dev.strata.scanner.report.format.SarifWriter;
import dev.strata.scanner.sbom.CycloneDxWriter;
import dev.strata.scanner.sbom.SbomInput;
import dev.strata.scanner.sbom.SpdxWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The documents {@code GET /api/v1/scans/{id}/report} writes, each as {@code strata scan --format …} without gate
 * options writes it: the JSON report, SARIF 2.1.0 and JUnit XML (the CI gate's writers, every finding assessed
 * by no policy), CycloneDX 1.6 (with the findings) or SPDX 2.3.
 */
public enum ReportFormat {
    JSON("application/json"),
    SARIF("application/sarif+json"),
    JUNIT("application/xml"),
    CYCLONEDX("application/vnd.cyclonedx+json"),
    SPDX("application/spdx+json");

    private final String contentType;

    ReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format named by {@code ?format=} (default json); an unknown one is a 400. */
    public static ReportFormat parse(String text) {
        if (text == null || text.isEmpty()) {
            return JSON;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "cyclonedx" -> CYCLONEDX;
            case "spdx" -> SPDX;
            case "sarif" -> SARIF;
            case "junit" -> JUNIT;
            default -> throw ApiError.badRequest("unknown report format '" + text + "' (expected json, sarif, junit, "
                    + "cyclonedx or spdx)");
        };
    }

    /** Renders the report, ending in a newline as the CLI's output does. */
    public String render(ScanReport report) {
        return switch (this) {
            case JSON -> ReportJson.write(report) + "\n";
            case SARIF -> new SarifWriter().toJson(findings(report)) + "\n";
            case JUNIT -> new JunitWriter().toXml(findings(report));
            case CYCLONEDX -> new CycloneDxWriter().toJson(sbomInput(report), ungated(report).findings()) + "\n";
            case SPDX -> new SpdxWriter().toJson(sbomInput(report)) + "\n";
        };
    }

    /** Every finding counted, none failing, none suppressed: what the CLI's gate decides without options. */
    private static GateResult ungated(ScanReport report) {
        return new GateEvaluator(GatePolicy.none(), List.of(), null, LocalDate.now()).evaluate(report.vulnerabilities());
    }

    private static FindingsReport findings(ScanReport report) {
        return new FindingsReport(report.image().reference(), report.image().digest(), report.packages(),
                ungated(report), "strata", toolVersion());
    }

    private static String toolVersion() {
        return new StrataVersion().getVersion()[0].replace("strata ", "");
    }

    private static SbomInput sbomInput(ScanReport report) {
        String version = toolVersion();
        return new SbomInput(SbomInput.Image.of(report.image()),
                report.os() == null ? null : report.os().toOsInfo(),
                report.packages().stream().map(PackageSummary::toInstalled).toList(), "strata", version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
