package dev.strata.app;

import dev.strata.index.IndexedImage;
import dev.strata.index.StrataIndex;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.layer.LayerLimits;
import dev.strata.scanner.layer.GzipInflater;
import dev.strata.scanner.layer.LayerReader;
import dev.strata.scanner.layer.ZstdNative;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.registry.ContentStore;
import dev.strata.scanner.registry.RegistryImageSource;
import dev.strata.scanner.registry.RegistryOptions;
import dev.strata.scanner.registry.RegistryReference;
import dev.strata.scanner.registry.RegistryRouting;
import dev.strata.scanner.source.ImageSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** One open Strata data directory: the index, the layer-reading thread pool and the scan service over them. */
public final class Strata implements AutoCloseable {
    private final StrataIndex index;
    private final ExecutorService layerPool;
    private final ImageScanService scanner;

    private final ContentStore blobs;
    private final RegistryOptions registryOptions;

    private Strata(StrataIndex index, ExecutorService layerPool, ImageScanService scanner, ContentStore blobs,
                   RegistryOptions registryOptions) {
        this.index = index;
        this.layerPool = layerPool;
        this.scanner = scanner;
        this.blobs = blobs;
        this.registryOptions = registryOptions;
    }

    /** Opens (creating if needed) the data directory, reading layers within {@code limits}, one task per core. */
    public static Strata open(DataDirectory data, LayerLimits limits) throws IOException {
        return open(data, limits, RegistryOptions.DEFAULTS);
    }

    /** As {@link #open(DataDirectory, LayerLimits)}, pulling registry images with {@code registry} options. */
    public static Strata open(DataDirectory data, LayerLimits limits, RegistryOptions registry) throws IOException {
        GzipInflater gzip;
        try {
            gzip = GzipInflater.fromSetting(System.getenv(GzipInflater.SETTING), System.getenv("PATH"));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path root = data.create();
        DebugLog.log("opening %s (gzip: %s)", root, gzip.describe());
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        ZstdNative.extractInto(tmp); // zstd-jni unpacks its library on first use: inside the data directory
        DebugLog.log("opening the index");
        StrataIndex index = StrataIndex.open(root);
        DebugLog.log("index open");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                daemonThreads("strata-layer-"));
        ContentStore blobs = new ContentStore(root);
        ImageScanService.ImageOpener opener = text -> RegistryRouting.isRegistryReference(text)
                ? RegistryImageSource.open(RegistryReference.parse(text), registry, System.getenv(), blobs)
                : ImageSources.open(text);
        return new Strata(index, pool, new ImageScanService(index, new LayerReader(limits, null, gzip), pool, tmp, opener), blobs,
                registry);
    }

    /** The content-addressed blob store of registry pulls ({@code <data>/blobs}). */
    public ContentStore blobs() {
        return blobs;
    }

    /** Opens the registry image {@code reference} with this data directory's blob store. */
    public RegistryImageSource openRegistry(RegistryReference reference) throws IOException {
        return RegistryImageSource.open(reference, registryOptions, System.getenv(), blobs);
    }

    public StrataIndex index() {
        return index;
    }

    public ScanReport scan(String reference, Platform platform) throws IOException {
        return scanner.scan(reference, platform);
    }

    /** Scans as {@link #scan(String, Platform)}, telling {@code progress} how it advances. */
    public ScanReport scan(String reference, Platform platform, ScanProgress progress) throws IOException {
        return scanner.scan(reference, platform, progress);
    }

    /** The stored report of the image {@code reference} names when it is indexed already (no layer read). */
    public Optional<ScanReport> storedReport(String reference, Platform platform) throws IOException {
        return scanner.storedReport(reference, platform);
    }

    /**
     * Scans the image and matches its packages against {@code vulnerabilities} (null: no matching, the report then
     * carries no vulnerability data). Findings matched against another database are recomputed from the stored
     * packages and the stored report is updated.
     */
    public ScanReport scan(String reference, Platform platform, VulnerabilityScan vulnerabilities) throws IOException {
        return scan(reference, platform, vulnerabilities, ScanProgress.NONE);
    }

    /** As {@link #scan(String, Platform, VulnerabilityScan)}, telling {@code progress} how the layers advance. */
    public ScanReport scan(String reference, Platform platform, VulnerabilityScan vulnerabilities,
                           ScanProgress progress) throws IOException {
        ScanReport report = scanner.scan(reference, platform, progress);
        if (vulnerabilities == null) {
            return report.withoutVulnerabilities();
        }
        VulnerabilityScan.Outcome outcome = vulnerabilities.match(report);
        if (outcome.rematched()) {
            storeReport(outcome.report());
        }
        return outcome.report();
    }

    /** Replaces the stored report of an indexed image (its package documents are rewritten from the report). */
    private void storeReport(ScanReport report) throws IOException {
        Optional<IndexedImage> indexed = index.image(dev.strata.scanner.image.Digest.parse(report.image().digest()));
        if (indexed.isEmpty()) {
            return;
        }
        IndexedImage old = indexed.get();
        index.putImage(new IndexedImage(old.manifestDigest(), old.configDigest(), old.reference(), old.repoTags(),
                old.platform(), old.diffIds(), old.indexedAtMillis(), ReportJson.write(report),
                old.declaredBase() != null ? old.declaredBase() : report.image().declaredBase()),
                report.packages().stream().map(dev.strata.scanner.report.PackageSummary::toInstalled).toList());
    }

    /**
     * The report of an image named either as an indexed image (digest, short id, tag or the reference it
     * was scanned from) or as a source reference, which is then scanned (and indexed) first.
     */
    public ScanReport report(String image, Platform platform) throws IOException {
        Optional<IndexedImage> indexed = index.findImage(image);
        if (indexed.isPresent()) {
            return ReportJson.read(indexed.get().reportJson());
        }
        return scan(image, platform);
    }

    @Override
    public void close() throws IOException {
        // let layers being indexed finish first: interrupting a thread inside Lucene I/O closes the index's
        // channels (and invalidates its write lock), so the index could not be closed cleanly afterwards
        layerPool.shutdown();
        try {
            if (!layerPool.awaitTermination(CLOSE_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                layerPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            layerPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        index.close();
    }

    /** How long {@link #close()} waits for layer tasks still running before it interrupts them. */
    private static final long CLOSE_GRACE_SECONDS = 10;

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
