package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.IndexedLayer;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.LayerContents;
import dev.strata.scanner.layer.LayerReader;
import dev.strata.scanner.packages.InstalledPackage;
import dev.strata.scanner.packages.analysis.InventoryResult;
import dev.strata.scanner.packages.analysis.LayerFindings;
import dev.strata.scanner.packages.analysis.LayerPackageScanner;
import dev.strata.scanner.packages.analysis.PackageInventory;
import dev.strata.scanner.packages.golang.GoBinaryAnalyzer;
import dev.strata.scanner.packages.java.JavaArchiveAnalyzer;
import dev.strata.scanner.report.LayerFacts;
import dev.strata.scanner.report.OsSummary;
import dev.strata.scanner.report.PackageSummary;
import dev.strata.scanner.report.ReportBuilder;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.report.ScanStats;
import dev.strata.scanner.source.ImageSource;
import dev.strata.scanner.source.ImageSources;
import dev.strata.scanner.source.ResolvedImage;
import dev.strata.scanner.union.UnionFilesystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Scans one image into the index: resolves it from its source, streams each layer the index does not
 * yet hold exactly once (in parallel where the source allows) while the package analysers look at its
 * files, stacks the layers into the union view, builds the package inventory and stores the report. A
 * layer already indexed — by this image or any other — is not read again.
 */
public final class ImageScanService {
    private final StrataIndex index;
    private final LayerReader layerReader;
    private final ExecutorService executor;
    private final Path tmpDir;
    private final LayerFlights flights;
    private final ImageOpener opener;

    public ImageScanService(StrataIndex index, LayerReader layerReader, ExecutorService executor, Path tmpDir) {
        this(index, layerReader, executor, tmpDir, ImageSources::open);
    }

    /** As above, opening image references through {@code opener} (local sources and registries). */
    public ImageScanService(StrataIndex index, LayerReader layerReader, ExecutorService executor, Path tmpDir,
                            ImageOpener opener) {
        this(index, layerReader, executor, tmpDir, opener, new LayerFlights());
    }

    /** With {@code flights} shared by every scan of this process, so concurrent scans read a layer once. */
    public ImageScanService(StrataIndex index, LayerReader layerReader, ExecutorService executor, Path tmpDir,
                            ImageOpener opener, LayerFlights flights) {
        this.index = index;
        this.layerReader = layerReader;
        this.executor = executor;
        this.tmpDir = tmpDir;
        this.flights = flights;
        this.opener = opener;
    }

    /** Opens the {@link ImageSource} an image reference names. */
    @FunctionalInterface
    public interface ImageOpener {
        ImageSource open(String reference) throws IOException;
    }

    /** A layer streamed during this scan: its contents and what the analysers found. */
    private record ReadLayer(LayerContents contents, LayerAnalysis analysis) {
    }

    /** Scans the image named by a source reference such as {@code oci:/images/app:1.0} or a bare path. */
    public ScanReport scan(String reference, Platform platform) throws IOException {
        return scan(reference, platform, ScanProgress.NONE);
    }

    /** The stored report of the image {@code reference} names, if it is indexed complete; reads no layer. */
    public Optional<ScanReport> storedReport(String reference, Platform platform) throws IOException {
        try (ImageSource source = opener.open(reference)) {
            ResolvedImage image = source.resolve(platform);
            return storedReport(image).map(r -> r.withReferenceAndStats(image.reference(),
                    new ScanStats(0, 0, image.layers().size(), 0)));
        }
    }

    /** As {@link #scan(String, Platform)}, telling {@code progress} how it advances. */
    public ScanReport scan(String reference, Platform platform, ScanProgress progress) throws IOException {
        long start = System.nanoTime();
        try (ImageSource source = opener.open(reference)) {
            ResolvedImage image = source.resolve(platform);
            DebugLog.log("resolved %s", image.manifestDigest());
            Optional<ScanReport> stored = storedReport(image);
            DebugLog.log("stored report %s", stored.isPresent() ? "found" : "absent");
            if (stored.isPresent()) {
                return stored.get().withReferenceAndStats(image.reference(),
                        new ScanStats(millisSince(start), 0, image.layers().size(), 0));
            }
            progress.resolved((int) image.config().diffIds().stream().distinct().count(),
                    image.layers().stream().mapToLong(Descriptor::size).sum());
            Map<Digest, LayerAnalysis> cached = cachedAnalyses(image);
            cached.keySet().forEach(d -> progress.layerDone(d, 0));
            Map<Digest, ReadLayer> read = new LinkedHashMap<>();
            for (List<Digest> missing = missing(image, cached, read); !missing.isEmpty();
                 missing = missing(image, cached, read)) {
                try (LayerFlights.Claim claim = flights.claim(missing)) {
                    read.putAll(readLayers(source, image, claim, progress));
                    claim.awaitJoined().forEach(d -> progress.layerDone(d, 0));
                }
                cached = cachedAnalyses(image);
            }
            UnionFilesystem union = new UnionFilesystem();
            List<LayerFacts> facts = new ArrayList<>();
            List<LayerFindings> findings = new ArrayList<>();
            for (int i = 0; i < image.layers().size(); i++) {
                Digest diffId = image.config().diffIds().get(i);
                ReadLayer fresh = read.get(diffId);
                IndexedLayer indexed = index.layer(diffId).orElseThrow(() ->
                        new IllegalStateException("layer " + diffId + " vanished from the index during the scan"));
                union.apply(fresh != null ? fresh.contents().entries() : index.layerEntries(diffId));
                facts.add(new LayerFacts(diffId, indexed.uncompressedSize(), indexed.entryCount(), indexed.fileCount(),
                        fresh == null));
                LayerAnalysis analysis = fresh != null ? fresh.analysis() : cached.get(diffId);
                findings.add(new LayerFindings(diffId.toString(), analysis.packages()));
            }
            InventoryResult inventory = new PackageInventory().build(findings, union);
            long bytesRead = read.values().stream().mapToLong(r -> r.contents().size()).sum();
            ScanStats stats = new ScanStats(millisSince(start), read.size(), image.layers().size() - read.size(),
                    bytesRead);
            List<String> warnings = new ArrayList<>(inventory.warnings());
            inventory.notes().forEach(n -> warnings.add("note: " + n));
            List<PackageSummary> packages = inventory.packages().stream().map(p -> PackageSummary.of(p,
                    p.pkg().paths().isEmpty() ? null : inventory.scopes().get(p.pkg().paths().get(0)))).toList();
            ScanReport report = ReportBuilder.build(image, facts, union, OsSummary.of(inventory.os()), packages,
                    stats, warnings);
            index.putImage(new IndexedImage(image.manifestDigest(), image.configDigest(), image.reference(),
                    image.repoTags(), image.config().platform().toString(), image.config().diffIds(),
                    System.currentTimeMillis(), ReportJson.write(report), report.image().declaredBase()),
                    inventory.packages());
            return report;
        }
    }

    private Optional<ScanReport> storedReport(ResolvedImage image) throws IOException {
        Optional<IndexedImage> indexed = index.image(image.manifestDigest());
        if (indexed.isEmpty() || indexed.get().reportJson() == null) {
            return Optional.empty();
        }
        for (Digest diffId : image.config().diffIds()) {
            if (!index.hasLayer(diffId)) {
                return Optional.empty();
            }
        }
        ScanReport report;
        try {
            report = ReportJson.read(indexed.get().reportJson());
        } catch (RuntimeException e) {
            return Optional.empty(); // a report of another shape: scan again
        }
        return report.reportVersion() == ScanReport.VERSION ? Optional.of(report) : Optional.empty();
    }

    /** The current analyses of the image's layers already in the index (layers missing here must be read). */
    private Map<Digest, LayerAnalysis> cachedAnalyses(ResolvedImage image) {
        Map<Digest, LayerAnalysis> cached = new LinkedHashMap<>();
        for (Digest diffId : image.config().diffIds()) {
            if (!cached.containsKey(diffId) && index.hasLayer(diffId)) {
                index.layerAnalysis(diffId).flatMap(LayerAnalysis::currentFrom).ifPresent(a -> cached.put(diffId, a));
            }
        }
        return cached;
    }

    /**
     * Streams every layer this scan leads ({@code claim}: not indexed with a current analysis, and no other scan
     * of this process reading it), once each: new layers are added to the index, indexed layers analysed by
     * older analysers get their analysis replaced.
     */
    private Map<Digest, ReadLayer> readLayers(ImageSource source, ResolvedImage image, LayerFlights.Claim claim,
                                              ScanProgress progress) throws IOException {
        Map<Descriptor, Digest> wanted = new LinkedHashMap<>();
        Map<Descriptor, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < image.layers().size(); i++) {
            Digest diffId = image.config().diffIds().get(i);
            Descriptor blob = image.layers().get(i);
            if (!wanted.containsValue(diffId) && claim.led().contains(diffId)) {
                wanted.put(blob, diffId);
                positions.put(blob, i);
            }
        }
        Map<Digest, ReadLayer> read = new ConcurrentHashMap<>();
        source.readBlobs(new ArrayList<>(wanted.keySet()), executor, (blob, content) -> {
            Digest diffId = wanted.get(blob);
            int position = positions.get(blob);
            LayerPackageScanner packages = new LayerPackageScanner(
                    List.of(new JavaArchiveAnalyzer(), new GoBinaryAnalyzer()), tmpDir);
            progress.layerStarted(diffId);
            long t0 = System.nanoTime();
            LayerContents contents;
            try {
                contents = layerReader.read(blob, diffId, ProgressInputStream.of(content, progress), packages);
            } catch (ImageFormatException e) {
                throw new ImageFormatException("layer " + position + " (" + blob.digest() + "): " + e.getMessage(), e);
            }
            long t1 = System.nanoTime();
            LayerAnalysis analysis = LayerAnalysis.current(packages.findings());
            if (index.hasLayer(diffId)) {
                index.setLayerAnalysis(diffId, analysis.toJson());
            } else {
                index.addLayer(IndexedLayer.of(diffId, contents.uncompressedSize(), contents.entries(),
                        System.currentTimeMillis()), contents.entries(), analysis.toJson());
            }
            DebugLog.log("layer %d %s: read %d ms, indexed %d entries in %d ms", position, blob.digest().shortHex(),
                    (t1 - t0) / 1_000_000, contents.entries().size(), (System.nanoTime() - t1) / 1_000_000);
            read.put(diffId, new ReadLayer(contents, analysis));
            claim.done(diffId);
            progress.layerDone(diffId, contents.size());
        });
        return read;
    }

    /** The image's layers neither indexed with a current analysis nor read by this scan. */
    private static List<Digest> missing(ResolvedImage image, Map<Digest, LayerAnalysis> cached,
                                        Map<Digest, ReadLayer> read) {
        return image.config().diffIds().stream().distinct()
                .filter(d -> !cached.containsKey(d) && !read.containsKey(d)).toList();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
