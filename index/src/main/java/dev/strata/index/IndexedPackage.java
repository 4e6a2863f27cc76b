package dev.strata.index;

import dev.strata.scanner.image.Digest;

import java.util.List;

/** One package occurrence in an indexed image: its purl and identity, the layer that added it, where it is. */
public record IndexedPackage(Digest image, String purl, String type, String name, String version,
                             String layerDiffId, List<String> paths, String ownedBy) {
    public IndexedPackage {
        paths = List.copyOf(paths);
    }
}
