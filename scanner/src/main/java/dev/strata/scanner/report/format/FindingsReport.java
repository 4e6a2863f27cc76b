package dev.strata.scanner.report.format;

import dev.strata.scanner.gate.GateResult;
import dev.strata.scanner.report.PackageSummary;

import java.util.List;
import java.util.Objects;

/**
 * What the gate's writers are made from: the image reference and manifest digest (nullable), the image's
 * packages, the gate's result, and the producing tool's name and version.
 */
public record FindingsReport(String imageReference, String imageDigest, List<PackageSummary> packages,
                             GateResult gate, String toolName, String toolVersion) {

    public FindingsReport {
        Objects.requireNonNull(imageReference, "imageReference");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(toolVersion, "toolVersion");
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
