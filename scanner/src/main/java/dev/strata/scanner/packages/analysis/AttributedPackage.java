package dev.strata.scanner.packages.analysis;

/** An installed OS package and the index of the layer that introduced it. */
record AttributedPackage(DatabasePackage pkg, int layerIndex) {
}
