package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;

/** A file (tar entry) found by a query, with the diffID of the layer holding it. */
public record FileHit(LayerEntry entry, Digest diffId) {
}
