package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageConfig;
import dev.strata.scanner.image.ImageConfigParser;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.ImageIndex;
import dev.strata.scanner.image.ImageManifest;
import dev.strata.scanner.image.ManifestDocument;
import dev.strata.scanner.image.ManifestParser;
import dev.strata.scanner.image.Platform;
import dev.strata.scanner.source.BlobTasks;
import dev.strata.scanner.source.ImageSource;
import dev.strata.scanner.source.ResolvedImage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An image in a registry as an {@link ImageSource}: resolves the tag or digest to one platform's manifest
 * (manifests and config are kept in the {@link ContentStore}), and streams each layer into the store
 * while the consumer analyses it — at most {@code parallelDownloads} at a time; stored blobs are read
 * from disk instead. The reference of the resolved image is the normalised registry reference.
 */
public final class RegistryImageSource implements ImageSource {
    private final RegistryClient client;
    private final ContentStore store;
    private final Semaphore downloads;

    public RegistryImageSource(RegistryClient client, ContentStore store) {
        this.client = client;
        this.store = store;
        this.downloads = new Semaphore(client.options().parallelDownloads());
    }

    /** Connects to the registry of {@code reference}. */
    public static RegistryImageSource open(RegistryReference reference, RegistryOptions options,
                                           Map<String, String> env, ContentStore store) throws IOException {
        return new RegistryImageSource(RegistryClient.open(reference, options, env), store);
    }

    /** As above on a shared Vert.x instance (not closed with the source). */
    public static RegistryImageSource open(RegistryReference reference, RegistryOptions options,
                                           Map<String, String> env, ContentStore store, io.vertx.core.Vertx vertx)
            throws IOException {
        return new RegistryImageSource(RegistryClient.open(reference, options, env, vertx), store);
    }

    @Override
    public ResolvedImage resolve(Platform platform) throws IOException {
        RegistryReference ref = client.reference();
        PulledManifest top = client.pullManifest(ref.manifestReference());
        PulledManifest current = top;
        ManifestDocument doc = ManifestParser.parse(top.bytes(), "manifest of " + ref);
        for (int depth = 0; doc instanceof ImageIndex index; depth++) {
            if (depth > 8) {
                throw new ImageFormatException("indexes nested more than 8 deep in " + ref);
            }
            store.put(new Descriptor(index.mediaType(), current.digest(), current.bytes().length), current.bytes());
            Descriptor chosen = PlatformSelector.select(index, platform, ref.toString());
            current = client.pullManifest(chosen.digest().toString());
            if (current.bytes().length != chosen.size()) {
                throw new ImageFormatException("manifest " + chosen.digest() + " of " + ref + " is "
                        + current.bytes().length + " bytes but the index says " + chosen.size());
            }
            doc = ManifestParser.parse(current.bytes(), chosen.digest());
        }
        ImageManifest manifest = (ImageManifest) doc;
        Digest manifestDigest = current.digest();
        store.put(new Descriptor(manifest.mediaType(), manifestDigest, current.bytes().length), current.bytes());
        Descriptor configDesc = manifest.config();
        if (configDesc.size() > ManifestContentType.MAX_MANIFEST_BYTES) {
            throw new ImageFormatException("config " + configDesc.digest() + " of " + ref + " is " + configDesc.size()
                    + " bytes, more than the 4 MiB limit for configs");
        }
        store.fetch(configDesc, client::openBlob);
        byte[] configBytes = store.read(configDesc.digest(), ManifestContentType.MAX_MANIFEST_BYTES);
        ImageConfig config = ImageConfigParser.parse(configBytes, configDesc.digest());
        if (manifest.layers().size() != config.diffIds().size()) {
            throw new ImageFormatException("manifest " + manifestDigest + " lists " + manifest.layers().size()
                    + " layers but config " + configDesc.digest() + " lists " + config.diffIds().size() + " diff_ids");
        }
        for (Descriptor layer : manifest.layers()) {
            if (!"sha256".equals(layer.digest().algorithm())) {
                throw new ImageFormatException("layer " + layer.digest() + " of " + ref + " is not a sha256 blob");
            }
        }
        String reference = ref.digest() != null && ref.tag() == null ? ref.toString()
                : ref.withDigest(null).toString();
        List<String> tags = ref.tag() != null ? List.of(ref.withDigest(null).toString()) : List.of();
        return new ResolvedImage(reference, manifestDigest, manifest, configDesc.digest(), config, configBytes, tags);
    }

    /** Downloads (or finds) one blob in the store without reading it further. */
    public void fetch(Descriptor blob) throws IOException {
        acquire();
        try {
            store.fetch(blob, client::openBlob);
        } finally {
            downloads.release();
        }
    }

    /** The store the blobs go to. */
    public ContentStore store() {
        return store;
    }

    @Override
    public void readBlobs(List<Descriptor> blobs, ExecutorService executor, BlobConsumer consumer) throws IOException {
        AtomicReference<Throwable> first = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        for (Descriptor d : blobs) {
            futures.add(executor.submit(() -> {
                if (first.get() != null) {
                    return null;
                }
                try {
                    acquire();
                    try {
                        if (first.get() == null) {
                            store.readThrough(d, client::openBlob, consumer);
                        }
                    } finally {
                        downloads.release();
                    }
                } catch (Throwable t) {
                    first.compareAndSet(null, t);
                }
                return null;
            }));
        }
        BlobTasks.awaitAll(futures, first,
                () -> new InterruptedIOException("interrupted while pulling " + client.reference()), () -> { });
    }

    private void acquire() throws InterruptedIOException {
        try {
            downloads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a download slot");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
