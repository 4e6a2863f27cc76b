package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One layer of a scanned image, lowest first: the blob {@code digest} and {@code size} from the manifest,
 * the {@code diffId} and {@code uncompressedSize} of the tar, its regular-file count, the history line that
 * made it, what it changed, and whether its analysis came from the index ({@code cached}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSummary(int index, String digest, String diffId, String mediaType, long size,
                           long uncompressedSize, long fileCount, long entryCount, String createdBy,
                           Changes changes, boolean cached) {

    /** Counts and bytes of what the layer added, modified and deleted in the filesystem below it. */
    public record Changes(int added, long addedBytes, int modified, long modifiedBytes,
                          int deleted, long deletedBytes) {
    }
}
