package dev.strata.cli;

import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.report.format.FindingsReport;
import dev.strata.scanner.report.format.GateJson;
import dev.strata.scanner.report.format.JunitWriter;
import dev.strata.scanner.report.format.SarifWriter;
import dev.strata.scanner.sbom.CycloneDxWriter;

/** Renders a scan report with the gate applied in each {@code strata scan --format}. */
final class ScanOutputs {

    private ScanOutputs() {
    }

    /** The text of {@code format}; {@code colour} only affects the table. */
    static String render(OutputTarget.Format format, ScanReport report, GateResult gate, boolean colour) {
        return switch (format) {
            case table -> ScanCommand.table(report, gate, colour);
            case json -> GateJson.write(report, gate);
            case sarif -> new SarifWriter().toJson(findings(report, gate)) + "\n";
            case junit -> new JunitWriter().toXml(findings(report, gate));
            case cyclonedx -> new CycloneDxWriter().toJson(ReportRenderer.sbomInput(report), gate.findings()) + "\n";
            case spdx -> ReportRenderer.render(report, ReportRenderer.Format.spdx);
        };
    }

    static FindingsReport findings(ScanReport report, GateResult gate) {
        return new FindingsReport(report.image().reference(), report.image().digest(), report.packages(), gate,
                "strata", toolVersion());
    }

    private static String toolVersion() {
        return new StrataVersion().getVersion()[0].replace("strata ", "");
    }
}
