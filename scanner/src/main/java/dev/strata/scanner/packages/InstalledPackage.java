package dev.strata.scanner.packages;

/**
 * A package installed in an image's final filesystem: what was detected, the diffID of the layer that
 * introduced it, the purl of the OS package that owns its files (null when none: then it is matched on
 * its own), and the SHA-1 of the archive it came from (Java archives; null otherwise).
 */
public record InstalledPackage(DetectedPackage pkg, String layerDiffId, String ownedBy, String sha1) {
}
