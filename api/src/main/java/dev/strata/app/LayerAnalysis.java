package dev.strata.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strata.scanner.packages.analysis.LayerPackageFindings;
import dev.strata.scanner.report.ReportJson;

import java.util.Optional;

/**
 * What Strata's analysers found in one layer, cached in the index with the layer; {@code version} names the
 * analysers that made it, so a layer analysed by older analysers is read again.
 */
public record LayerAnalysis(int version, LayerPackageFindings packages) {
    /** Bump whenever an analyser finds more, or differently. */
    public static final int CURRENT_VERSION = 1;

    public static LayerAnalysis current(LayerPackageFindings packages) {
        return new LayerAnalysis(CURRENT_VERSION, packages);
    }

    public String toJson() {
        try {
            return ReportJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("layer analysis not serialisable: " + e.getMessage(), e);
        }
    }

    /** The cached analysis if it parses and was made by the current analysers. */
    public static Optional<LayerAnalysis> currentFrom(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            LayerAnalysis a = ReportJson.mapper().readValue(json, LayerAnalysis.class);
            return a.version() == CURRENT_VERSION && a.packages() != null ? Optional.of(a) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
