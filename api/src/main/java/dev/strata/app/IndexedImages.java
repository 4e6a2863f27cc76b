package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.BaseImages;
import dev.strata.scanner.efficiency.EfficiencyLayer;
import dev.strata.scanner.efficiency.LayerTable;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Index look-ups shared by the efficiency, dedup and diff services. */
final class IndexedImages {
    static final String BASE_NAME = "org.opencontainers.image.base.name";
    static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

    private IndexedImages() {
    }

    /** The indexed image named by a digest, short id or tag, or {@link ImageNotFoundException} naming the argument. */
    static IndexedImage find(StrataIndex index, String image) {
        return index.findImage(image).orElseThrow(() -> new ImageNotFoundException(image));
    }

    /**
     * The image's layers with their entries for comparing content (stand-in digests, see
     * {@link StrataIndex#layerEntriesForComparison}), each layer read from the index once even if listed twice.
     */
    static List<EfficiencyLayer> layers(StrataIndex index, IndexedImage image, Map<Digest, List<LayerEntry>> cache) {
        List<EfficiencyLayer> layers = new ArrayList<>();
        for (Digest diffId : image.diffIds()) {
            long size = index.layer(diffId).orElseThrow(() -> new IllegalStateException(
                    "layer " + diffId + " of image " + image.manifestDigest() + " is not indexed")).uncompressedSize();
            List<LayerEntry> entries = cache.computeIfAbsent(diffId, index::layerEntriesForComparison);
            layers.add(new EfficiencyLayer(diffId.toString(), size, entries));
        }
        return layers;
    }

    /** The image's layers as columns for the efficiency calculation (see {@link StrataIndex#layerTable}). */
    static List<LayerTable> tables(StrataIndex index, IndexedImage image) {
        Map<Digest, LayerTable> read = new HashMap<>();
        List<LayerTable> tables = new ArrayList<>();
        for (Digest diffId : image.diffIds()) {
            tables.add(read.computeIfAbsent(diffId, d -> index.layerTable(index.layer(d).orElseThrow(
                    () -> new IllegalStateException("layer " + d + " of image " + image.manifestDigest()
                            + " is not indexed")))));
        }
        return tables;
    }

    static List<EfficiencyLayer> layers(StrataIndex index, IndexedImage image) {
        return layers(index, image, new HashMap<>());
    }

    /** The base-image labels ({@code org.opencontainers.image.base.name}/{@code .digest}) of the stored report. */
    static Map<String, String> declaredBase(IndexedImage image) {
        Map<String, String> out = new LinkedHashMap<>();
        if (image.reportJson() == null) {
            return out;
        }
        try {
            ScanReport report = ReportJson.read(image.reportJson());
            if (report.image() != null && report.image().config() != null && report.image().config().labels() != null) {
                Map<String, String> labels = report.image().config().labels();
                for (String key : List.of(BASE_NAME, BASE_DIGEST)) {
                    if (labels.get(key) != null) {
                        out.put(key, labels.get(key));
                    }
                }
            }
        } catch (RuntimeException e) {
            // a stored report of another shape has no labels to offer
        }
        return out;
    }

    /** The detected base of an image as reported: the base image and how many layers it provides. */
    static DetectedBase detected(BaseImages.Base base) {
        return new DetectedBase(ImageRef.of(base.image()), base.sharedLayers(), base.totalLayers(),
                base.chainId().toString());
    }
}
