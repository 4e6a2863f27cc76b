package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The report of one image scan. Later stages add {@code os}, {@code packages[]} and
 * {@code vulnerabilities[]} beside {@code image} and {@code layers[]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanReport(int reportVersion, ImageSummary image, List<LayerSummary> layers,
                         ScanStats stats, List<String> warnings) {
    public static final int VERSION = 1;

    public ScanReport {
        layers = List.copyOf(layers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The same report with another reference and stats, for a result served from the index. */
    public ScanReport withReferenceAndStats(String reference, ScanStats newStats) {
        return new ScanReport(reportVersion, image.withReference(reference), layers, newStats, warnings);
    }
}
