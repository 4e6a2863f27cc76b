package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An image source over a random-access {@link BlobStore} (an OCI layout directory, an uncompressed
 * oci-archive or docker-archive tar): blobs are read in parallel, one task per blob.
 */
final class StoreImageSource implements ImageSource {
    @FunctionalInterface
    interface Resolver {
        Resolution resolve(BlobStore store, Platform platform) throws IOException;
    }

    private final BlobStore store;
    private final Resolver resolver;
    private volatile Resolution resolution;

    StoreImageSource(BlobStore store, Resolver resolver) {
        this.store = store;
        this.resolver = resolver;
    }

    @Override
    public ResolvedImage resolve(Platform platform) throws IOException {
        Resolution r = resolver.resolve(store, Objects.requireNonNull(platform, "platform"));
        resolution = r;
        return r.image();
    }

    /** The file of each blob; before {@link #resolve}, OCI blob names ({@code blobs/<alg>/<hex>}). */
    private String nameOf(Descriptor d) {
        Resolution r = resolution;
        return r == null ? OciResolver.blobName(d.digest()) : r.nameOf(d);
    }

    static void checkPresent(BlobStore store, Descriptor d, String name) throws IOException {
        long size = store.size(name);
        if (size < 0) {
            throw new ImageFormatException("blob " + d.digest() + " referenced by the manifest is missing from "
                    + store.describe() + store.missingHint());
        }
        if (size != d.size()) {
            throw new ImageFormatException("blob " + d.digest() + " in " + store.describe() + " is " + size
                    + " bytes but the manifest says " + d.size());
        }
    }

    @Override
    public void readBlobs(List<Descriptor> blobs, ExecutorService executor, BlobConsumer consumer)
            throws IOException {
        List<String> names = new ArrayList<>();
        for (Descriptor d : blobs) {
            String name = nameOf(d);
            checkPresent(store, d, name);
            names.add(name);
        }
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Set<InputStream> open = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < blobs.size(); i++) {
                Descriptor d = blobs.get(i);
                String name = names.get(i);
                futures.add(executor.submit(() -> {
                    if (firstFailure.get() != null) {
                        return null; // cancelled: an earlier blob failed
                    }
                    try {
                        InputStream in = store.open(name);
                        open.add(in);
                        try {
                            if (firstFailure.get() == null) {
                                consumer.accept(d, in);
                            }
                        } finally {
                            open.remove(in);
                            in.close();
                        }
                    } catch (Throwable t) {
                        if (firstFailure.compareAndSet(null, t)) {
                            // stop the other running consumers early: their streams fail on the next read
                            for (InputStream other : open) {
                                closeQuietly(other);
                            }
                        }
                        throw t;
                    }
                    return null;
                }));
            }
        } catch (RejectedExecutionException e) {
            firstFailure.compareAndSet(null, new IOException("cannot schedule blob reads for " + store.describe()
                    + ": " + e.getMessage(), e));
            open.forEach(StoreImageSource::closeQuietly);
        }
        BlobTasks.awaitAll(futures, firstFailure,
                () -> new InterruptedIOException("interrupted while reading blobs of " + store.describe()),
                () -> open.forEach(StoreImageSource::closeQuietly));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing only to interrupt a reader
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
