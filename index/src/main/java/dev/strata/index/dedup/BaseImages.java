package dev.strata.index.dedup;

import dev.strata.index.IndexedImage;
import dev.strata.scanner.image.Digest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Base-image detection: the base of an image is the indexed image whose layer chain is the longest strict
 * prefix of its own (compared by chain ID). Among images with the same chain, the one indexed first wins.
 */
public final class BaseImages {
    private BaseImages() {
    }

    /** The detected base: the image, how many of the image's layers it provides, and the shared chain ID. */
    public record Base(IndexedImage image, int sharedLayers, int totalLayers, Digest chainId) {
    }

    public static Optional<Base> detect(IndexedImage image, List<IndexedImage> candidates) {
        List<Digest> chain = ChainIds.of(image.diffIds());
        Base best = null;
        List<IndexedImage> ordered = candidates.stream()
                .sorted(Comparator.comparingLong(IndexedImage::indexedAtMillis)
                        .thenComparing(IndexedImage::manifestDigest))
                .toList();
        for (IndexedImage candidate : ordered) {
            int n = candidate.diffIds().size();
            if (n == 0 || n >= chain.size() || candidate.manifestDigest().equals(image.manifestDigest())) {
                continue;
            }
            if (best != null && n <= best.sharedLayers()) {
                continue;
            }
            List<Digest> theirs = ChainIds.of(candidate.diffIds());
            if (theirs.get(n - 1).equals(chain.get(n - 1))) {
                best = new Base(candidate, n, chain.size(), chain.get(n - 1));
            }
        }
        return Optional.ofNullable(best);
    }
}
