package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The report of one image scan. Later stages add {@code os}, {@code packages[]} and
 * {@code vulnerabilities[]} beside {@code image} and {@code layers[]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanReport(int reportVersion, ImageSummary image, List<LayerSummary> layers, OsSummary os,
                         List<PackageSummary> packages, ScanStats stats, List<String> warnings) {
    /** Bumped whenever the report's content changes, so reports stored by older versions are recomputed. */
    public static final int VERSION = 2;

    public ScanReport {
        layers = List.copyOf(layers);
        packages = packages == null ? List.of() : List.copyOf(packages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The same report with another reference and stats, for a result served from the index. */
    public ScanReport withReferenceAndStats(String reference, ScanStats newStats) {
        return new ScanReport(reportVersion, image.withReference(reference), layers, os, packages, newStats, warnings);
    }
}
