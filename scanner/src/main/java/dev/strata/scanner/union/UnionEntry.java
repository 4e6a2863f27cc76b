package dev.strata.scanner.union;

import dev.strata.scanner.layer.LayerEntry;

/** A path of the final filesystem and the index (0 = lowest) of the layer that last wrote it. */
public record UnionEntry(LayerEntry entry, int layerIndex) {
}
