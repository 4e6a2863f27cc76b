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
import dev.strata.scanner.report.LayerFacts;
import dev.strata.scanner.report.ReportBuilder;
import dev.strata.scanner.report.ReportJson;
import dev.strata.scanner.report.ScanReport;
import dev.strata.scanner.report.ScanStats;
import dev.strata.scanner.source.ImageSource;
import dev.strata.scanner.source.ImageSources;
import dev.strata.scanner.source.ResolvedImage;
import dev.strata.scanner.source.SourceReference;
import dev.strata.scanner.union.UnionFilesystem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Scans one image into the index: resolves it from its source, streams each layer the index does not
 * yet hold exactly once (in parallel where the source allows), stacks the layers into the union view and
 * stores the report. A layer already indexed — by this image or any other — is not read again.
 */
public final class ImageScanService {
    private final StrataIndex index;
    private final LayerReader layerReader;
    private final ExecutorService executor;

    public ImageScanService(StrataIndex index, LayerReader layerReader, ExecutorService executor) {
        this.index = index;
        this.layerReader = layerReader;
        this.executor = executor;
    }

    /** Scans the image named by a source reference such as {@code oci:/images/app:1.0} or a bare path. */
    public ScanReport scan(String reference, Platform platform) throws IOException {
        long start = System.nanoTime();
        SourceReference ref = SourceReference.parse(reference);
        try (ImageSource source = ImageSources.open(ref)) {
            ResolvedImage image = source.resolve(platform);
            Optional<ScanReport> stored = storedReport(image);
            if (stored.isPresent()) {
                return stored.get().withReferenceAndStats(image.reference(),
                        new ScanStats(millisSince(start), 0, image.layers().size(), 0));
            }
            Map<Digest, LayerContents> read = readMissingLayers(source, image);
            UnionFilesystem union = new UnionFilesystem();
            List<LayerFacts> facts = new ArrayList<>();
            long bytesRead = 0;
            for (int i = 0; i < image.layers().size(); i++) {
                Digest diffId = image.config().diffIds().get(i);
                LayerContents fresh = read.get(diffId);
                if (fresh != null) {
                    union.apply(fresh.entries());
                    facts.add(new LayerFacts(diffId, fresh.uncompressedSize(), fresh.entries().size(),
                            fresh.fileCount(), false));
                } else {
                    IndexedLayer layer = index.layer(diffId).orElseThrow(() ->
                            new IllegalStateException("layer " + diffId + " vanished from the index during the scan"));
                    union.apply(index.layerEntries(diffId));
                    facts.add(new LayerFacts(diffId, layer.uncompressedSize(), layer.entryCount(),
                            layer.fileCount(), true));
                }
            }
            for (LayerContents c : read.values()) {
                bytesRead += c.size();
            }
            ScanStats stats = new ScanStats(millisSince(start), read.size(), image.layers().size() - read.size(),
                    bytesRead);
            ScanReport report = ReportBuilder.build(image, facts, union, stats, List.of());
            index.putImage(new IndexedImage(image.manifestDigest(), image.configDigest(), image.reference(),
                    image.repoTags(), image.config().platform().toString(), image.config().diffIds(),
                    System.currentTimeMillis(), ReportJson.write(report)));
            return report;
        }
    }

    private Optional<ScanReport> storedReport(ResolvedImage image) throws IOException {
        Optional<IndexedImage> indexed = index.image(image.manifestDigest());
        if (indexed.isEmpty()) {
            return Optional.empty();
        }
        for (Digest diffId : image.config().diffIds()) {
            if (!index.hasLayer(diffId)) {
                return Optional.empty();
            }
        }
        ScanReport report = ReportJson.read(indexed.get().reportJson());
        return report.reportVersion() == ScanReport.VERSION ? Optional.of(report) : Optional.empty();
    }

    private Map<Digest, LayerContents> readMissingLayers(ImageSource source, ResolvedImage image) throws IOException {
        Map<Descriptor, Digest> wanted = new LinkedHashMap<>();
        Map<Descriptor, Integer> positions = new ConcurrentHashMap<>();
        for (int i = 0; i < image.layers().size(); i++) {
            Digest diffId = image.config().diffIds().get(i);
            Descriptor blob = image.layers().get(i);
            if (!wanted.containsValue(diffId) && !index.hasLayer(diffId)) {
                wanted.put(blob, diffId);
                positions.put(blob, i);
            }
        }
        Map<Digest, LayerContents> read = new ConcurrentHashMap<>();
        source.readBlobs(new ArrayList<>(wanted.keySet()), executor, (blob, content) -> {
            Digest diffId = wanted.get(blob);
            int position = positions.get(blob);
            LayerContents contents;
            long t0 = System.nanoTime();
            try {
                contents = layerReader.read(blob, diffId, content);
            } catch (ImageFormatException e) {
                throw new ImageFormatException("layer " + position + " (" + blob.digest() + "): " + e.getMessage(), e);
            }
            long t1 = System.nanoTime();
            index.addLayer(IndexedLayer.of(diffId, contents.uncompressedSize(), contents.entries(),
                    System.currentTimeMillis()), contents.entries());
            DebugLog.log("layer %d %s: read %d ms, indexed %d entries in %d ms", position, blob.digest().shortHex(),
                    (t1 - t0) / 1_000_000, contents.entries().size(), (System.nanoTime() - t1) / 1_000_000);
            read.put(diffId, contents);
        });
        return read;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
