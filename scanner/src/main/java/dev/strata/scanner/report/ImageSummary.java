package dev.strata.scanner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.ImageConfig;

import java.util.List;

/**
 * Identity and totals of a scanned image: {@code digest} is the manifest digest, {@code configDigest}
 * the image id Docker shows; {@code fileCount} and {@code fileBytes} describe the final filesystem;
 * {@code declaredBase} is the base image the manifest annotations or config labels name (null when neither does;
 * also null in reports written before it existed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageSummary(String reference, String digest, String configDigest, String mediaType,
                           String platform, List<String> repoTags, String created, String author,
                           long size, long uncompressedSize, long fileCount, long fileBytes,
                           ImageConfig.RuntimeConfig config, List<HistoryRow> history, DeclaredBase declaredBase) {
    public ImageSummary {
        repoTags = List.copyOf(repoTags);
        history = List.copyOf(history);
    }

    /** A summary without a declared base. */
    public ImageSummary(String reference, String digest, String configDigest, String mediaType, String platform,
                        List<String> repoTags, String created, String author, long size, long uncompressedSize,
                        long fileCount, long fileBytes, ImageConfig.RuntimeConfig config, List<HistoryRow> history) {
        this(reference, digest, configDigest, mediaType, platform, repoTags, created, author, size, uncompressedSize,
                fileCount, fileBytes, config, history, null);
    }

    ImageSummary withReference(String newReference) {
        return new ImageSummary(newReference, digest, configDigest, mediaType, platform, repoTags, created, author,
                size, uncompressedSize, fileCount, fileBytes, config, history, declaredBase);
    }

    /**
     * One {@code history[]} entry of the config, joined to its layer: {@code layerIndex} is null for an
     * empty layer (ENV, CMD…), {@code size} is the layer's uncompressed size.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryRow(String created, String createdBy, String comment, boolean emptyLayer,
                             Integer layerIndex, long size) {
    }
}
