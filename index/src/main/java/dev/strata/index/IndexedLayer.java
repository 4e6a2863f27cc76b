package dev.strata.index;

import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;

import java.util.List;
import java.util.Objects;

/** Summary of one indexed layer, keyed by its diffID. */
public record IndexedLayer(Digest diffId, long uncompressedSize, long entryCount, long fileCount, long fileBytes,
                           long indexedAtMillis) {
    public IndexedLayer {
        Objects.requireNonNull(diffId, "diffId");
    }

    /** Builds the summary from a layer's entries, counting regular files and their bytes. */
    public static IndexedLayer of(Digest diffId, long uncompressedSize, List<LayerEntry> entries,
                                  long indexedAtMillis) {
        long files = 0;
        long bytes = 0;
        for (LayerEntry entry : entries) {
            if (entry.type() == EntryType.FILE) {
                files++;
                bytes += entry.size();
            }
        }
        return new IndexedLayer(diffId, uncompressedSize, entries.size(), files, bytes, indexedAtMillis);
    }
}
