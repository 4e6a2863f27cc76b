package dev.strata.scanner.report;

import dev.strata.scanner.image.Digest;

/** What is known about one layer's tar, whether just streamed or taken from the index. */
public record LayerFacts(Digest diffId, long uncompressedSize, long entryCount, long fileCount, boolean cached) {
}
