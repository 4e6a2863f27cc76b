package dev.strata.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.BaseImages;
import dev.strata.scanner.efficiency.EfficiencyCalculator;
import dev.strata.scanner.efficiency.ImageEfficiency;

import java.util.Map;

/** One indexed image's efficiency (waste, duplicates, score) with its detected and declared base image. */
public final class EfficiencyService {
    private final StrataIndex index;

    public EfficiencyService(StrataIndex index) {
        this.index = index;
    }

    /**
     * The efficiency report of an image; {@code declaredBase} holds the image's
     * {@code org.opencontainers.image.base.name}/{@code .digest} labels when it has them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(ImageRef image, DetectedBase base, Map<String, String> declaredBase,
                         ImageEfficiency efficiency) {
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
        ImageEfficiency efficiency = EfficiencyCalculator.compute(IndexedImages.layers(index, found), limit);
        DetectedBase base = BaseImages.detect(found, index.images()).map(IndexedImages::detected).orElse(null);
        return new Report(ImageRef.of(found), base, IndexedImages.declaredBase(found), efficiency);
    }
}
