package dev.strata.cli;

import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.sbom.CycloneDxWriter;
import dev.strata.scanner.sbom.SbomInput;
import dev.strata.scanner.sbom.SpdxWriter;

import java.time.Instant;

/** Renders a scan report in one of the report formats: the table summary, JSON, CycloneDX or SPDX. */
final class ReportRenderer {
    /** The formats a whole report can be written in. */
    enum Format { table, json, cyclonedx, spdx }

    private ReportRenderer() {
    }

    static String render(ScanReport report, Format format) {
        return switch (format) {
            case table -> ScanCommand.table(report);
            case json -> ReportJson.write(report) + "\n";
            case cyclonedx -> new CycloneDxWriter().toJson(sbomInput(report)) + "\n";
            case spdx -> new SpdxWriter().toJson(sbomInput(report)) + "\n";
        };
    }

    static SbomInput sbomInput(ScanReport report) {
        String version = new StrataVersion().getVersion()[0].replace("strata ", "");
        return new SbomInput(SbomInput.Image.of(report.image()),
                report.os() == null ? null : report.os().toOsInfo(),
                report.packages().stream().map(PackageSummary::toInstalled).toList(), "strata", version,
                documentTime());
    }

    /** {@code SOURCE_DATE_EPOCH} when set (reproducible builds), else now. */
    private static Instant documentTime() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
