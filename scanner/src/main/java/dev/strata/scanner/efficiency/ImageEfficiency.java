package dev.strata.scanner.efficiency;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The efficiency of one image's layers. All byte counts are regular-file content bytes unless named
 * otherwise ({@code layerBytes} is the sum of the uncompressed layer tars):
 * <ul>
 *   <li>{@code layerFileBytes} = Σ sizes of every regular file in every layer;</li>
 *   <li>{@code finalFileBytes} = Σ sizes of the regular files visible in the final filesystem;</li>
 *   <li>{@code removedBytes} = {@code layerFileBytes − finalFileBytes}: files a higher layer (or a later entry
 *       of the same layer) overwrote or deleted;</li>
 *   <li>{@code crossLayerDuplicateBytes} = Σ over final contents of size × (distinct layers holding it − 1);</li>
 *   <li>{@code wastedBytes} = {@code removedBytes + crossLayerDuplicateBytes};</li>
 *   <li>{@code efficiency} = {@code finalFileBytes ÷ layerFileBytes} (1.0 when the layers hold no file bytes);</li>
 *   <li>{@code duplicateBytes} = Σ over final contents of size × (paths − 1), hard links excluded.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageEfficiency(long layerBytes, long layerFileBytes, long finalFileBytes, long removedBytes,
                              long crossLayerDuplicateBytes, long wastedBytes, double efficiency,
                              List<LayerEfficiency> layers, int wastedPathCount, List<WastedPath> topWasted,
                              int duplicateCount, long duplicateBytes, List<DuplicateContent> duplicates) {
    public ImageEfficiency {
        layers = List.copyOf(layers);
        topWasted = List.copyOf(topWasted);
        duplicates = List.copyOf(duplicates);
    }

    /**
     * One layer: tar size, its regular-file bytes, what it did to the layers below (counts and bytes), its
     * whiteout and opaque-directory markers, and {@code wastedBytes} = bytes of its files that higher layers
     * removed plus its copies of content an earlier layer already holds in the final filesystem.
     */
    public record LayerEfficiency(int index, String diffId, long size, long fileBytes, int added, long addedBytes,
                                  int modified, long modifiedBytes, int deleted, long deletedBytes, int whiteouts,
                                  int opaqueDirectories, long wastedBytes) {
    }

    /**
     * A regular file whose bytes are stored in layer {@code addedBy} but hidden from the final filesystem by
     * layer {@code removedBy}, {@code how} = {@code overwritten} or {@code deleted}.
     */
    public record WastedPath(String path, long size, String sha256, int addedBy, int removedBy, String how) {
    }

    /** Content visible at several paths of the final filesystem (hard links excluded), with where. */
    public record DuplicateContent(String sha256, long size, int copies, int layerCount, long duplicateBytes,
                                   List<Location> paths) {
        public DuplicateContent {
            paths = List.copyOf(paths);
        }
    }

    /** A path of the final filesystem and the layer (index, 0 = lowest) that wrote it. */
    public record Location(String path, int layer) {
    }
}
