package dev.strata.scanner.efficiency;

import dev.strata.scanner.efficiency.ImageEfficiency.DuplicateContent;
import dev.strata.scanner.efficiency.ImageEfficiency.LayerEfficiency;
import dev.strata.scanner.efficiency.ImageEfficiency.Location;
import dev.strata.scanner.efficiency.ImageEfficiency.WastedPath;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.EntryType;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.union.ChangeKind;
import dev.strata.scanner.union.LayerChanges;
import dev.strata.scanner.union.UnionEntry;
import dev.strata.scanner.union.UnionFilesystem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The first, straightforward efficiency calculation (one {@link UnionFilesystem} replay): the oracle {@link EfficiencyCalculator} is checked against. */
final class ReferenceEfficiency {
    private static final Comparator<WastedPath> LARGEST_WASTE = Comparator.comparingLong(WastedPath::size).reversed()
            .thenComparing(WastedPath::path).thenComparingInt(WastedPath::addedBy);

    private ReferenceEfficiency() {
    }

    /** The efficiency of {@code layers} (lowest first), listing at most {@code limit} wasted paths and duplicates. */
    public static ImageEfficiency compute(List<EfficiencyLayer> layers, int limit) {
        UnionFilesystem union = new UnionFilesystem();
        List<WastedPath> wasted = new ArrayList<>();
        long[] layerWaste = new long[layers.size()];
        List<LayerChanges> changes = new ArrayList<>();
        long layerBytes = 0;
        long layerFileBytes = 0;
        for (int i = 0; i < layers.size(); i++) {
            EfficiencyLayer layer = layers.get(i);
            layerBytes += layer.size();
            layerFileBytes += fileBytes(layer.entries());
            changes.add(union.apply(layer.entries(), (removed, byLayer, how) -> {
                LayerEntry e = removed.entry();
                if (e.type() == EntryType.FILE) {
                    wasted.add(new WastedPath(e.path(), e.size(), e.sha256() == null ? null : e.sha256().toString(),
                            removed.layerIndex(), byLayer, how == ChangeKind.DELETED ? "deleted" : "overwritten"));
                    layerWaste[removed.layerIndex()] += e.size();
                }
            }));
        }
        long finalFileBytes = union.finalFileBytes();
        long removedBytes = wasted.stream().mapToLong(WastedPath::size).sum();

        Map<Digest, List<UnionEntry>> byContent = new HashMap<>();
        for (UnionEntry e : union.paths().values()) {
            if (e.entry().type() == EntryType.FILE && e.entry().sha256() != null && e.entry().size() > 0) {
                byContent.computeIfAbsent(e.entry().sha256(), k -> new ArrayList<>()).add(e);
            }
        }
        long crossLayer = 0;
        long duplicateBytes = 0;
        List<DuplicateContent> duplicates = new ArrayList<>();
        for (Map.Entry<Digest, List<UnionEntry>> group : byContent.entrySet()) {
            List<UnionEntry> copies = group.getValue();
            if (copies.size() < 2) {
                continue;
            }
            long size = copies.get(0).entry().size();
            copies.sort(Comparator.comparingInt(UnionEntry::layerIndex).thenComparing(e -> e.entry().path()));
            int distinct = 0;
            int previous = -1;
            for (UnionEntry copy : copies) {
                if (copy.layerIndex() != previous) {
                    if (previous >= 0) {
                        layerWaste[copy.layerIndex()] += size; // a copy of content a lower layer already holds
                    }
                    distinct++;
                    previous = copy.layerIndex();
                }
            }
            crossLayer += size * (distinct - 1);
            duplicateBytes += size * (copies.size() - 1);
            duplicates.add(new DuplicateContent(group.getKey().toString(), size, copies.size(), distinct,
                    size * (copies.size() - 1),
                    copies.stream().map(c -> new Location(c.entry().path(), c.layerIndex())).toList()));
        }
        duplicates.sort(Comparator.comparingLong(DuplicateContent::duplicateBytes).reversed()
                .thenComparing(DuplicateContent::sha256));

        List<LayerEfficiency> perLayer = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            EfficiencyLayer layer = layers.get(i);
            LayerChanges c = changes.get(i);
            int whiteouts = 0;
            int opaque = 0;
            for (LayerEntry e : layer.entries()) {
                if (e.type() == EntryType.WHITEOUT) {
                    whiteouts++;
                } else if (e.type() == EntryType.OPAQUE_WHITEOUT) {
                    opaque++;
                }
            }
            perLayer.add(new LayerEfficiency(i, layer.diffId(), layer.size(), fileBytes(layer.entries()), c.added(),
                    c.addedBytes(), c.modified(), c.modifiedBytes(), c.deleted(), c.deletedBytes(), whiteouts, opaque,
                    layerWaste[i]));
        }
        wasted.sort(LARGEST_WASTE);
        double efficiency = layerFileBytes == 0 ? 1.0 : (double) finalFileBytes / layerFileBytes;
        return new ImageEfficiency(layerBytes, layerFileBytes, finalFileBytes, removedBytes, crossLayer,
                removedBytes + crossLayer, efficiency, perLayer, wasted.size(), head(wasted, limit), duplicates.size(),
                duplicateBytes, head(duplicates, limit));
    }

    private static long fileBytes(List<LayerEntry> entries) {
        long sum = 0;
        for (LayerEntry e : entries) {
            if (e.type() == EntryType.FILE) {
                sum += e.size();
            }
        }
        return sum;
    }

    private static <T> List<T> head(List<T> list, int limit) {
        return list.size() <= limit ? list : list.subList(0, Math.max(0, limit));
    }
}
