package dev.strata.index.dedup;

import java.util.List;

/**
 * One content (sha256) stored in more than one distinct layer: its size, how many copies and layers hold it,
 * the bytes one common layer would save (size × (layers − 1)) and where each copy is.
 */
public record SharedContent(String sha256, long size, int copies, int layerCount, long savedBytes,
                            List<Occurrence> occurrences) {
    public SharedContent {
        occurrences = List.copyOf(occurrences);
    }

    /** One copy: its path and the diffID of the layer storing it. */
    public record Occurrence(String path, String layer) {
    }
}
