package dev.strata.scanner.report;

import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.source.ResolvedImage;
import dev.strata.scanner.union.LayerChanges;
import dev.strata.scanner.union.UnionFilesystem;

import java.util.ArrayList;
import java.util.List;

/** Assembles a {@link ScanReport} from a resolved image, the facts of its layers and its union view. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static ScanReport build(ResolvedImage image, List<LayerFacts> facts, UnionFilesystem union,
                                   ScanStats stats, List<String> warnings) {
        return build(image, facts, union, null, List.of(), stats, warnings);
    }

    /** As {@link #build(ResolvedImage, List, UnionFilesystem, ScanStats, List)}, with the detected OS and packages. */
    public static ScanReport build(ResolvedImage image, List<LayerFacts> facts, UnionFilesystem union,
                                   OsSummary os, List<PackageSummary> packages, ScanStats stats,
                                   List<String> warnings) {
        List<Descriptor> blobs = image.layers();
        if (facts.size() != blobs.size() || union.changes().size() != blobs.size()) {
            throw new IllegalArgumentException("need facts and changes for each of the " + blobs.size() + " layers");
        }
        List<String> createdBy = layerCreatedBy(image.config());
        List<LayerSummary> layers = new ArrayList<>();
        long size = 0;
        long uncompressed = 0;
        for (int i = 0; i < blobs.size(); i++) {
            Descriptor blob = blobs.get(i);
            LayerFacts f = facts.get(i);
            LayerChanges c = union.changes().get(i);
            layers.add(new LayerSummary(i, blob.digest().toString(), f.diffId().toString(), blob.mediaType(),
                    blob.size(), f.uncompressedSize(), f.fileCount(), f.entryCount(), createdBy.get(i),
                    new LayerSummary.Changes(c.added(), c.addedBytes(), c.modified(), c.modifiedBytes(),
                            c.deleted(), c.deletedBytes()),
                    f.cached()));
            size += Math.max(0, blob.size());
            uncompressed += f.uncompressedSize();
        }
        long fileCount = union.paths().values().stream()
                .filter(e -> e.entry().type() == dev.strata.scanner.layer.EntryType.FILE).count();
        ImageConfig config = image.config();
        ImageSummary summary = new ImageSummary(image.reference(), image.manifestDigest().toString(),
                image.configDigest().toString(), image.manifest().mediaType(), config.platform().toString(),
                image.repoTags(), config.created(), config.author(), size, uncompressed, fileCount,
                union.finalFileBytes(), config.config(), historyRows(config, layers),
                DeclaredBase.of(image.manifest().annotations(),
                        config.config() == null ? null : config.config().labels()).orElse(null));
        return new ScanReport(ScanReport.VERSION, summary, layers, os, packages, stats, warnings);
    }

    /** The created-by text of each non-empty history entry, matched to layers in order (null where missing). */
    static List<String> layerCreatedBy(ImageConfig config) {
        List<String> result = new ArrayList<>();
        for (ImageConfig.HistoryEntry h : config.history()) {
            if (!h.emptyLayer()) {
                result.add(h.createdBy());
            }
        }
        while (result.size() < config.diffIds().size()) {
            result.add(null);
        }
        return result.subList(0, config.diffIds().size());
    }

    private static List<ImageSummary.HistoryRow> historyRows(ImageConfig config, List<LayerSummary> layers) {
        List<ImageSummary.HistoryRow> rows = new ArrayList<>();
        int layer = 0;
        for (ImageConfig.HistoryEntry h : config.history()) {
            if (h.emptyLayer() || layer >= layers.size()) {
                rows.add(new ImageSummary.HistoryRow(h.created(), h.createdBy(), h.comment(), true, null, 0));
            } else {
                rows.add(new ImageSummary.HistoryRow(h.created(), h.createdBy(), h.comment(), false, layer,
                        layers.get(layer).uncompressedSize()));
                layer++;
            }
        }
        return rows;
    }
}
