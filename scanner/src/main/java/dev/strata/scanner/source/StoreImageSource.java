package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        Throwable first = null;
        try {
            for (int i = 0; i < blobs.size(); i++) {
                Descriptor d = blobs.get(i);
                String name = names.get(i);
                futures.add(executor.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try (InputStream in = store.open(name)) {
                        consumer.accept(d, in);
                    } catch (Throwable t) {
                        failed.set(true);
                        throw t;
                    }
                    return null;
                }));
            }
        } catch (RejectedExecutionException e) {
            failed.set(true);
            first = new IOException("cannot schedule blob reads for " + store.describe() + ": " + e.getMessage(), e);
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    failed.set(true);
                    // keep waiting: this method returns only when no consumer is running any more
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            if (first == null) {
                first = new java.io.InterruptedIOException("interrupted while reading blobs of " + store.describe());
            }
        }
        if (first != null) {
            throw rethrow(first);
        }
    }

    static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t.getMessage(), t);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
