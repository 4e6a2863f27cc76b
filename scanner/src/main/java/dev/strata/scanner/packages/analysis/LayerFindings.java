package dev.strata.scanner.packages.analysis;

import java.util.Objects;

/** The package findings of one layer of an image, with the layer's diffID. */
public record LayerFindings(String diffId, LayerPackageFindings findings) {

    public LayerFindings {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(findings, "findings");
    }
}
