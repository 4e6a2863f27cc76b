package dev.strata.scanner.source;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Where an image's blobs come from: a docker-archive tar, an OCI layout directory or an oci-archive tar
 * (and later a registry). A source first resolves one image, then hands out its layer blobs as streams.
 */
public interface ImageSource extends AutoCloseable {

    /** Reads the index/manifest/config and picks the image for {@code platform} (used only for indexes). */
    ResolvedImage resolve(Platform platform) throws IOException;

    /**
     * Streams each of {@code blobs} to {@code consumer} exactly once. Random-access sources (a directory,
     * an uncompressed tar) run the consumer for each blob as a task on {@code executor}, so blobs are read
     * in parallel; sequential ones (a gzip-compressed tar) call it on the calling thread in the order the
     * blobs appear in the archive. The stream passed to the consumer is closed by the source. The first
     * failure stops the reading (remaining tasks are cancelled) and is rethrown; this method returns only
     * when no consumer is running any more.
     */
    void readBlobs(List<Descriptor> blobs, ExecutorService executor, BlobConsumer consumer) throws IOException;

    @Override
    void close() throws IOException;

    /** Receives one blob's stream. */
    @FunctionalInterface
    interface BlobConsumer {
        void accept(Descriptor blob, InputStream content) throws IOException;
    }
}
