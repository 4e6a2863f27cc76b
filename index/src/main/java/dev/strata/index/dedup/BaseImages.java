package dev.strata.index.dedup;

import dev.strata.index.IndexedImage;
import dev.strata.scanner.image.Digest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Base-image detection: the base of an image is the indexed image whose layer chain is the longest strict
 * prefix of its own (compared by chain ID). Among images with the same chain, the one indexed first wins.
 * One pass over each image's chain: images are keyed by their top chain ID, and an image's own chain is
 * looked up from its second-highest prefix down.
 */
public final class BaseImages {
    private final Map<Digest, IndexedImage> byTopChainId = new HashMap<>();

    /** The detected base: the image, how many of the image's layers it provides, and the shared chain ID. */
    public record Base(IndexedImage image, int sharedLayers, int totalLayers, Digest chainId) {
    }

    /** Prepares detection among {@code candidates}. */
    public BaseImages(List<IndexedImage> candidates) {
        List<IndexedImage> ordered = candidates.stream()
                .sorted(Comparator.comparingLong(IndexedImage::indexedAtMillis)
                        .thenComparing(IndexedImage::manifestDigest))
                .toList();
        for (IndexedImage candidate : ordered) {
            List<Digest> chain = ChainIds.of(candidate.diffIds());
            if (!chain.isEmpty()) {
                byTopChainId.putIfAbsent(chain.get(chain.size() - 1), candidate);
            }
        }
    }

    /** The base of {@code image} among {@code candidates}, if any. */
    public static Optional<Base> detect(IndexedImage image, List<IndexedImage> candidates) {
        return new BaseImages(candidates).baseOf(image);
    }

    /** The base of every image of {@code images} among themselves, by manifest digest (absent when none). */
    public static Map<Digest, Base> detectAll(List<IndexedImage> images) {
        BaseImages detector = new BaseImages(images);
        Map<Digest, Base> bases = new LinkedHashMap<>();
        for (IndexedImage image : images) {
            detector.baseOf(image).ifPresent(b -> bases.put(image.manifestDigest(), b));
        }
        return bases;
    }

    /** The indexed image whose chain is the longest strict prefix of {@code image}'s. */
    public Optional<Base> baseOf(IndexedImage image) {
        List<Digest> chain = ChainIds.of(image.diffIds());
        for (int n = chain.size() - 1; n >= 1; n--) {
            IndexedImage found = byTopChainId.get(chain.get(n - 1));
            if (found != null && !found.manifestDigest().equals(image.manifestDigest())) {
                return Optional.of(new Base(found, n, chain.size(), chain.get(n - 1)));
            }
        }
        return Optional.empty();
    }
}
