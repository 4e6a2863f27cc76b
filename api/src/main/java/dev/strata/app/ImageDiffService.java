package dev.strata.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.index.dedup.ChainIds;
import dev.strata.index.dedup.PackageDiff;
import dev.strata.scanner.efficiency.EfficiencyLayer;
import dev.strata.scanner.efficiency.FilesystemDiff;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.layer.LayerEntry;
import dev.strata.scanner.union.UnionFilesystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed from one indexed image to another: layers shared and not, files added/removed/changed (by path
 * and hash, final filesystems), packages added/removed/upgraded/downgraded, vulnerabilities fixed/introduced.
 */
public final class ImageDiffService {
    private final StrataIndex index;

    public ImageDiffService(StrataIndex index) {
        this.index = index;
    }

    /** The diff; {@code vulnerabilities} is null while the stored reports carry no {@code vulnerabilities[]}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(ImageRef from, ImageRef to, Layers layers, FilesystemDiff.Result files,
                         PackageDiff.Result packages, Vulnerabilities vulnerabilities) {
    }

    /** {@code sharedPrefix}: lowest layers both share (same chain ID); {@code shared}: diffIDs in both at any position. */
    public record Layers(int sharedPrefix, List<String> shared, List<String> onlyFrom, List<String> onlyTo) {
    }

    public record Vulnerabilities(List<String> fixed, List<String> introduced) {
    }

    /** Compares two indexed images, listing at most {@code limit} paths per file-change kind. */
    public Report diff(String from, String to, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        IndexedImage a = IndexedImages.find(index, from);
        IndexedImage b = IndexedImages.find(index, to);
        Map<Digest, List<LayerEntry>> cache = new HashMap<>();
        FilesystemDiff.Result files = FilesystemDiff.compare(union(a, cache).paths(), union(b, cache).paths(), limit);
        PackageDiff.Result packages = PackageDiff.compare(index.packagesOf(a.manifestDigest()),
                index.packagesOf(b.manifestDigest()));
        Vulnerabilities vulns = VulnerabilityDiff.compare(a.reportJson(), b.reportJson())
                .map(r -> new Vulnerabilities(r.fixed(), r.introduced())).orElse(null);
        return new Report(ImageRef.of(a), ImageRef.of(b), layers(a, b), files, packages, vulns);
    }

    private UnionFilesystem union(IndexedImage image, Map<Digest, List<LayerEntry>> cache) {
        UnionFilesystem union = new UnionFilesystem();
        for (EfficiencyLayer layer : IndexedImages.layers(index, image, cache)) {
            union.apply(layer.entries());
        }
        return union;
    }

    static Layers layers(IndexedImage a, IndexedImage b) {
        List<Digest> ca = ChainIds.of(a.diffIds());
        List<Digest> cb = ChainIds.of(b.diffIds());
        int prefix = 0;
        while (prefix < Math.min(ca.size(), cb.size()) && ca.get(prefix).equals(cb.get(prefix))) {
            prefix++;
        }
        Set<Digest> inA = new LinkedHashSet<>(a.diffIds());
        Set<Digest> inB = new LinkedHashSet<>(b.diffIds());
        List<String> shared = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        for (Digest d : inA) {
            (inB.contains(d) ? shared : onlyA).add(d.toString());
        }
        List<String> onlyB = inB.stream().filter(d -> !inA.contains(d)).map(Digest::toString).toList();
        return new Layers(prefix, shared, onlyA, onlyB);
    }
}
