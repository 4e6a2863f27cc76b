package dev.strata.index;

import dev.strata.scanner.image.Digest;

import java.util.List;

/** What {@link StrataIndex#removeImage} deleted: the image, its unshared layers, and the shared layers it kept. */
public record RemovedImage(IndexedImage image, List<IndexedLayer> removedLayers, List<Digest> keptSharedLayers) {
    public RemovedImage {
        removedLayers = List.copyOf(removedLayers);
        keptSharedLayers = List.copyOf(keptSharedLayers);
    }
}
