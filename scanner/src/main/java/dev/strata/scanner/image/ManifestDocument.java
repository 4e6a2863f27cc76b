package dev.strata.scanner.image;

/** What a manifest blob can be: an index of manifests, or one image's manifest. */
public sealed interface ManifestDocument permits ImageIndex, ImageManifest {
    String mediaType();
}
