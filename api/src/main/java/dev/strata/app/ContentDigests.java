package dev.strata.app;

import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Digest;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the stand-in digests of {@link StrataIndex#layerEntriesForComparison} by the real sha256 for the few
 * entries a report lists: collect (layer, path) pairs with {@link #want}, then {@link #real} looks each layer's
 * paths up in one query and picks the digest whose first 64 bits match the stand-in.
 */
final class ContentDigests {
    private final StrataIndex index;
    private final Map<Digest, Set<String>> wanted = new HashMap<>();
    private final Map<Digest, Map<String, List<Digest>>> found = new HashMap<>();

    ContentDigests(StrataIndex index) {
        this.index = index;
    }

    void want(Digest layer, String path) {
        wanted.computeIfAbsent(layer, l -> new LinkedHashSet<>()).add(path);
    }

    /** The real digest of the file at {@code path} in {@code layer} with this stand-in; null for null. */
    String real(Digest layer, String path, String standIn) {
        if (standIn == null) {
            return null;
        }
        Map<String, List<Digest>> digests = found.computeIfAbsent(layer,
                l -> index.sha256At(l, wanted.getOrDefault(l, Set.of(path))));
        String prefix = standIn.substring(0, "sha256:".length() + 16);
        for (Digest d : digests.getOrDefault(path, List.of())) {
            if (d.toString().startsWith(prefix)) {
                return d.toString();
            }
        }
        throw new IllegalStateException("no file " + path + " with content " + prefix + "… in layer " + layer);
    }
}
