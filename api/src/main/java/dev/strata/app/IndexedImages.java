package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.BaseImages;
import dev.strata.scanner.efficiency.EfficiencyLayer;
import dev.strata.scanner.efficiency.LayerTable;
import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Index look-ups shared by the efficiency, dedup and diff services. */
final class IndexedImages {
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

    /**
     * The base image an image declares (manifest annotations, else config labels): kept on the image document
     * since it was added there; for images indexed before, taken from the stored report (its config labels).
     */
    static DeclaredBase declaredBase(IndexedImage image) {
        if (image.declaredBase() != null || image.reportJson() == null) {
            return image.declaredBase();
        }
        try {
            ScanReport report = ReportJson.read(image.reportJson());
            if (report.image() == null) {
                return null;
            }
            if (report.image().declaredBase() != null) {
                return report.image().declaredBase();
            }
            return report.image().config() == null ? null
                    : DeclaredBase.of(null, report.image().config().labels()).orElse(null);
        } catch (RuntimeException e) {
            return null; // a stored report of another shape has no labels to offer
        }
    }

    /** The detected base of an image as reported: the base image and how many layers it provides. */
    static DetectedBase detected(BaseImages.Base base) {
        return new DetectedBase(ImageRef.of(base.image()), base.sharedLayers(), base.totalLayers(),
                base.chainId().toString());
    }
}
