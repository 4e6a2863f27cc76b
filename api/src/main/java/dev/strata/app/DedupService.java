package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.IndexedLayer;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.BaseImages;
import dev.strata.index.dedup.SharedContent;
import dev.strata.index.dedup.SharedContentReport;
import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Duplication across every indexed image: layers shared by several images (stored once, counted per use) and
 * file content stored in more than one distinct layer, plus each image's detected base image.
 */
public final class DedupService {
    private final StrataIndex index;

    public DedupService(StrataIndex index) {
        this.index = index;
    }

    /**
     * The fleet report. Totals: {@code logicalBytes} = Σ over images of their layers' uncompressed sizes (each
     * use counted), {@code uniqueBytes} = Σ over distinct layers, {@code savedBytes} = their difference.
     */
    public record Report(Totals totals, List<LayerUse> layers, FileTotals fileTotals, List<SharedFile> files,
                         List<ImageBase> bases) {
    }

    public record Totals(int images, int layers, long logicalBytes, long uniqueBytes, long savedBytes) {
    }

    /** A layer: its size, the images using it and the bytes sharing saves (size × (uses − 1)). */
    public record LayerUse(String diffId, long size, int uses, List<String> images, long savedBytes) {
    }

    /** Content in several distinct layers: totals over all such content (see {@link SharedContentReport}). */
    public record FileTotals(long contents, long copies, long storedBytes, long savedBytes) {
    }

    /** One shared content with its copies and the images holding any of its layers. */
    public record SharedFile(String sha256, long size, int copies, int layerCount, long savedBytes,
                             List<SharedContent.Occurrence> occurrences, List<String> images) {
    }

    /** An image, its detected base and the base it declares (each null when there is none). */
    public record ImageBase(ImageRef image, DetectedBase base, DeclaredBase declaredBase) {
    }

    /** The report listing at most {@code limit} layers and files (ranked by bytes saved); totals cover everything. */
    public Report report(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<IndexedImage> images = index.imagesWithoutReports();
        Map<Digest, Long> sizes = new HashMap<>();
        for (IndexedLayer layer : index.layers()) {
            sizes.put(layer.diffId(), layer.uncompressedSize());
        }
        Map<Digest, List<String>> users = new LinkedHashMap<>();
        Map<String, Set<String>> imagesByLayer = new HashMap<>();
        long logical = 0;
        for (IndexedImage image : images) {
            String name = ImageRef.of(image).name();
            for (Digest diffId : image.diffIds()) {
                logical += sizes.getOrDefault(diffId, 0L);
                users.computeIfAbsent(diffId, d -> new ArrayList<>()).add(name);
                imagesByLayer.computeIfAbsent(diffId.toString(), d -> new LinkedHashSet<>()).add(name);
            }
        }
        long unique = 0;
        List<LayerUse> layers = new ArrayList<>();
        for (Map.Entry<Digest, List<String>> e : users.entrySet()) {
            long size = sizes.getOrDefault(e.getKey(), 0L);
            unique += size;
            int uses = e.getValue().size();
            layers.add(new LayerUse(e.getKey().toString(), size, uses, List.copyOf(new LinkedHashSet<>(e.getValue())),
                    size * (uses - 1)));
        }
        layers.sort(Comparator.comparingLong(LayerUse::savedBytes).reversed()
                .thenComparing(Comparator.comparingLong(LayerUse::size).reversed())
                .thenComparing(LayerUse::diffId));

        SharedContentReport content = index.sharedContent(limit);
        List<SharedFile> files = new ArrayList<>();
        for (SharedContent c : content.top()) {
            Set<String> holders = new LinkedHashSet<>();
            c.occurrences().forEach(o -> holders.addAll(imagesByLayer.getOrDefault(o.layer(), Set.of())));
            files.add(new SharedFile(c.sha256(), c.size(), c.copies(), c.layerCount(), c.savedBytes(), c.occurrences(),
                    List.copyOf(holders)));
        }
        Map<Digest, BaseImages.Base> bases = BaseImages.detectAll(images);
        List<ImageBase> imageBases = images.stream().map(i -> new ImageBase(ImageRef.of(i),
                bases.containsKey(i.manifestDigest()) ? IndexedImages.detected(bases.get(i.manifestDigest())) : null,
                i.declaredBase()))
                .toList();
        return new Report(new Totals(images.size(), users.size(), logical, unique, logical - unique),
                layers.size() <= limit ? layers : layers.subList(0, limit),
                new FileTotals(content.contents(), content.copies(), content.storedBytes(), content.savedBytes()),
                files, imageBases);
    }
}
