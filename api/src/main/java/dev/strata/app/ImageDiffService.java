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
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
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
    private final VulnerabilityScan vulnerabilities;

    /** A diff service using the findings stored in the reports (when both were matched against one database). */
    public ImageDiffService(StrataIndex index) {
        this(index, null);
    }

    /**
     * A diff service matching both images' stored packages against {@code vulnerabilities} (null: use the stored
     * findings); no layer is read either way.
     */
    public ImageDiffService(StrataIndex index, VulnerabilityScan vulnerabilities) {
        this.index = index;
        this.vulnerabilities = vulnerabilities;
    }

    /**
     * The diff; {@code vulnerabilities} is null unless both reports carry findings from the same vulnerability
     * database (or a database was given to match them now).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(ImageRef from, ImageRef to, Layers layers, FilesystemDiff.Result files,
                         PackageDiff.Result packages, Vulnerabilities vulnerabilities) {
    }

    /** {@code sharedPrefix}: lowest layers both share (same chain ID); {@code shared}: diffIDs in both at any position. */
    public record Layers(int sharedPrefix, List<String> shared, List<String> onlyFrom, List<String> onlyTo) {
    }

    /** Findings fixed and introduced from one image to the other, and the database generation they come from. */
    public record Vulnerabilities(String database, List<VulnerabilityChange> fixed,
                                  List<VulnerabilityChange> introduced) {
    }

    /** One finding: advisory id, package name and purl type, installed and fixed version, severity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VulnerabilityChange(String id, String packageName, String packageType, String installedVersion,
                                      String fixedVersion, String severity) {
    }

    /** Compares two indexed images, listing at most {@code limit} paths per file-change kind. */
    public Report diff(String from, String to, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        IndexedImage a = IndexedImages.find(index, from);
        IndexedImage b = IndexedImages.find(index, to);
        Map<Digest, List<LayerEntry>> cache = new HashMap<>();
        UnionFilesystem ua = union(a, cache);
        UnionFilesystem ub = union(b, cache);
        FilesystemDiff.Result files = withRealDigests(FilesystemDiff.compare(ua.paths(), ub.paths(), limit),
                a, ua, b, ub);
        PackageDiff.Result packages = PackageDiff.compare(index.packagesOf(a.manifestDigest()),
                index.packagesOf(b.manifestDigest()));
        Vulnerabilities vulns = VulnerabilityDiff.compare(matched(a), matched(b)).orElse(null);
        return new Report(ImageRef.of(a), ImageRef.of(b), layers(a, b), files, packages, vulns);
    }

    /** The stored report, matched against the database when one was given; null when it cannot be read. */
    private ScanReport matched(IndexedImage image) {
        ScanReport report;
        try {
            report = image.reportJson() == null ? null : ReportJson.read(image.reportJson());
        } catch (RuntimeException e) {
            return null; // a report of another shape has no findings to offer
        }
        if (report == null || vulnerabilities == null) {
            return report;
        }
        try {
            return vulnerabilities.match(report).report();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("vulnerability database: " + e.getMessage(), e);
        }
    }

    /** The listed changes with real sha256 instead of the comparison stand-ins. */
    private FilesystemDiff.Result withRealDigests(FilesystemDiff.Result r, IndexedImage a, UnionFilesystem ua,
                                                  IndexedImage b, UnionFilesystem ub) {
        ContentDigests digests = new ContentDigests(index);
        List<List<FilesystemDiff.Change>> lists = List.of(r.addedPaths(), r.removedPaths(), r.changedPaths());
        for (List<FilesystemDiff.Change> list : lists) {
            for (FilesystemDiff.Change c : list) {
                if (c.fromSha256() != null) {
                    digests.want(layerOf(a, ua, c.path()), c.path());
                }
                if (c.toSha256() != null) {
                    digests.want(layerOf(b, ub, c.path()), c.path());
                }
            }
        }
        List<List<FilesystemDiff.Change>> fixed = new ArrayList<>();
        for (List<FilesystemDiff.Change> list : lists) {
            fixed.add(list.stream().map(c -> new FilesystemDiff.Change(c.path(), c.fromType(), c.fromSize(),
                    c.fromSha256() == null ? null : digests.real(layerOf(a, ua, c.path()), c.path(), c.fromSha256()),
                    c.toType(), c.toSize(),
                    c.toSha256() == null ? null : digests.real(layerOf(b, ub, c.path()), c.path(), c.toSha256())))
                    .toList());
        }
        return new FilesystemDiff.Result(r.added(), r.addedBytes(), r.removed(), r.removedBytes(), r.changed(),
                r.changedBytes(), fixed.get(0), fixed.get(1), fixed.get(2));
    }

    private static Digest layerOf(IndexedImage image, UnionFilesystem union, String path) {
        return image.diffIds().get(union.paths().get(path).layerIndex());
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
