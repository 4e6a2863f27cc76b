package dev.strata.scanner.layer;

import dev.strata.scanner.image.Digest;

import java.util.List;

/**
 * The verified result of streaming one layer blob once: its compressed digest and size, its diffID and
 * uncompressed size, and every entry in tar order.
 */
public record LayerContents(Digest digest, long size, Digest diffId, long uncompressedSize,
                            Compression compression, List<LayerEntry> entries) {
    public LayerContents {
        entries = List.copyOf(entries);
    }

    public long fileCount() {
        return entries.stream().filter(e -> e.type() == EntryType.FILE).count();
    }
}
