package dev.strata.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.BaseImages;
import dev.strata.scanner.efficiency.EfficiencyCalculator;
import dev.strata.scanner.efficiency.ImageEfficiency;

import dev.strata.scanner.efficiency.ImageEfficiency.DuplicateContent;
import dev.strata.scanner.efficiency.ImageEfficiency.WastedPath;
import dev.strata.scanner.image.DeclaredBase;
import dev.strata.scanner.image.Digest;

import java.util.List;

/** One indexed image's efficiency (waste, duplicates, score) with its detected and declared base image. */
public final class EfficiencyService {
    private final StrataIndex index;

    public EfficiencyService(StrataIndex index) {
        this.index = index;
    }

    /**
     * The efficiency report of an image; {@code base} is the indexed image it is built on, {@code declaredBase} the
     * base its manifest annotations or config labels name (each null when there is none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(ImageRef image, DetectedBase base, DeclaredBase declaredBase, ImageEfficiency efficiency) {
    }

    /**
     * The report of an indexed image (digest, short id or tag), listing at most {@code limit} wasted paths and
     * duplicates; {@link ImageNotFoundException} when the index has no such image.
     */
    public Report efficiency(String image, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        IndexedImage found = IndexedImages.find(index, image);
        ImageEfficiency efficiency = withRealDigests(found.diffIds(),
                EfficiencyCalculator.computeTables(IndexedImages.tables(index, found), limit));
        DetectedBase base = BaseImages.detect(found, index.imagesWithoutReports()).map(IndexedImages::detected).orElse(null);
        return new Report(ImageRef.of(found), base, IndexedImages.declaredBase(found), efficiency);
    }

    /** The listed wasted paths and duplicates with their real sha256 instead of the comparison stand-ins. */
    private ImageEfficiency withRealDigests(List<Digest> diffIds, ImageEfficiency e) {
        ContentDigests digests = new ContentDigests(index);
        e.topWasted().forEach(w -> digests.want(diffIds.get(w.addedBy()), w.path()));
        e.duplicates().forEach(d -> digests.want(diffIds.get(d.paths().get(0).layer()), d.paths().get(0).path()));
        List<WastedPath> wasted = e.topWasted().stream().map(w -> new WastedPath(w.path(), w.size(),
                digests.real(diffIds.get(w.addedBy()), w.path(), w.sha256()), w.addedBy(), w.removedBy(), w.how()))
                .toList();
        List<DuplicateContent> duplicates = e.duplicates().stream().map(d -> new DuplicateContent(
                digests.real(diffIds.get(d.paths().get(0).layer()), d.paths().get(0).path(), d.sha256()), d.size(),
                d.copies(), d.layerCount(), d.duplicateBytes(), d.paths())).toList();
        return new ImageEfficiency(e.layerBytes(), e.layerFileBytes(), e.finalFileBytes(), e.removedBytes(),
                e.crossLayerDuplicateBytes(), e.wastedBytes(), e.efficiency(), e.layers(), e.wastedPathCount(), wasted,
                e.duplicateCount(), e.duplicateBytes(), duplicates);
    }
}
