package dev.strata.server;

import dev.strata.cli.StrataVersion;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.sbom.CycloneDxWriter;
import dev.strata.scanner.sbom.SbomInput;
import dev.strata.scanner.sbom.SpdxWriter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The documents {@code GET /api/v1/scans/{id}/report} writes: the JSON report (as {@code strata scan --format
 * json}), CycloneDX 1.6 or SPDX 2.3. SARIF joins here once its writer exists.
 */
public enum ReportFormat {
    JSON("application/json"),
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
            case "sarif" -> throw new ApiError(400, "format_unavailable", "format sarif is not available in this "
                    + "build of the server (json, cyclonedx, spdx are)");
            default -> throw ApiError.badRequest("unknown report format '" + text + "' (expected json, cyclonedx or "
                    + "spdx)");
        };
    }

    /** Renders the report, ending in a newline as the CLI's output does. */
    public String render(ScanReport report) {
        return switch (this) {
            case JSON -> ReportJson.write(report) + "\n";
            case CYCLONEDX -> new CycloneDxWriter().toJson(sbomInput(report)) + "\n";
            case SPDX -> new SpdxWriter().toJson(sbomInput(report)) + "\n";
        };
    }

    private static SbomInput sbomInput(ScanReport report) {
        String version = new StrataVersion().getVersion()[0].replace("strata ", "");
        return new SbomInput(SbomInput.Image.of(report.image()),
                report.os() == null ? null : report.os().toOsInfo(),
                report.packages().stream().map(PackageSummary::toInstalled).toList(), "strata", version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
