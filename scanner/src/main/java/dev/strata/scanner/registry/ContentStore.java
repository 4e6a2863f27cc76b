package dev.strata.scanner.registry;

import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.layer.HashingInputStream;
import dev.strata.scanner.source.ImageSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The content-addressed blob store of the data directory, {@code <data>/blobs/sha256/<hex>}: a blob
 * enters only whole and verified (size and digest checked while it streams into a temporary file in
 * {@code <data>/tmp}, then moved in atomically); a blob that fails is deleted. Concurrent requests for
 * one blob share one download: within this JVM through a map of downloads in flight (across every store on
 * the same directory), across processes through a {@link BlobLock} per digest, so a second process waits for
 * the first one's download and then reads the stored blob.
 */
public final class ContentStore {
    /** Opens the blob's bytes at the remote end. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(Descriptor blob) throws IOException;
    }

    private final Path blobs;
    private final Path tmp;
    private final java.util.concurrent.atomic.AtomicLong downloadedBlobs = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong downloadedBytes = new java.util.concurrent.atomic.AtomicLong();
    /** Downloads in flight in this JVM, by the blob's absolute path (one {@link BlobLock} holder per file). */
    private static final ConcurrentHashMap<Path, CompletableFuture<Void>> IN_FLIGHT = new ConcurrentHashMap<>();

    public ContentStore(Path dataRoot) throws IOException {
        this.blobs = Files.createDirectories(dataRoot.resolve("blobs")).toAbsolutePath().normalize();
        this.tmp = Files.createDirectories(dataRoot.resolve("tmp")).toAbsolutePath().normalize();
    }

    /** Where the blob with {@code digest} lives (whether or not it is there). */
    public Path path(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.hex());
    }

    /** True when the blob is stored with the descriptor's size. */
    public boolean has(Descriptor d) {
        Path p = path(d.digest());
        try {
            return Files.isRegularFile(p) && Files.size(p) == d.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a stored blob of at most {@code limit} bytes, verifying its digest. */
    public byte[] read(Digest digest, long limit) throws IOException {
        Path p = path(digest);
        if (!Files.isRegularFile(p)) {
            throw new ImageFormatException("blob " + digest + " is not in the blob store " + blobs);
        }
        if (Files.size(p) > limit) {
            throw new ImageFormatException("blob " + digest + " is larger than " + limit + " bytes");
        }
        byte[] bytes = Files.readAllBytes(p);
        if (!Digest.sha256Of(bytes).equals(digest)) {
            throw new ImageFormatException("stored blob " + digest + " is corrupt (digest mismatch); run strata prune "
                    + "or delete " + p);
        }
        return bytes;
    }

    /** Stores bytes already in memory (a manifest or config) after checking them against {@code d}. */
    public void put(Descriptor d, byte[] bytes) throws IOException {
        if (has(d)) {
            return;
        }
        fetch(d, blob -> new java.io.ByteArrayInputStream(bytes));
    }

    /** Makes sure the blob is stored, downloading it through {@code opener} if needed. */
    public void fetch(Descriptor d, Opener opener) throws IOException {
        readThrough(d, opener, (blob, in) -> {
        });
    }

    /**
     * Hands the blob's bytes to {@code consumer} while they are stored: from the stored file when present,
     * else from the download itself (verified as it streams, moved in when the consumer is done and the rest
     * is drained). If the consumer or the verification fails, nothing is stored.
     */
    public void readThrough(Descriptor d, Opener opener, ImageSource.BlobConsumer consumer) throws IOException {
        while (true) {
            if (has(d)) {
                try (InputStream in = Files.newInputStream(path(d.digest()))) {
                    consumer.accept(d, in);
                }
                return;
            }
            Path key = path(d.digest());
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = IN_FLIGHT.putIfAbsent(key, mine);
            if (other != null) {
                await(other, d);
                continue; // stored by the other download now (or it failed: then try ourselves)
            }
            try {
                boolean downloaded = downloadUnderLock(d, opener, consumer);
                mine.complete(null);
                if (downloaded) {
                    return;
                }
                // another process stored it while we waited for the lock: read it from the store
            } catch (IOException | RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                IN_FLIGHT.remove(key, mine);
            }
        }
    }

    /** Downloads the blob holding its cross-process lock; false when it was stored by then. */
    private boolean downloadUnderLock(Descriptor d, Opener opener, ImageSource.BlobConsumer consumer)
            throws IOException {
        try (BlobLock lock = BlobLock.acquire(tmp, d.digest())) {
            try {
                if (has(d)) {
                    return false;
                }
                lock.deleteStalePartials();
                download(d, opener, consumer);
                return true;
            } finally {
                lock.deleteFile();
            }
        }
    }

    private static void await(CompletableFuture<Void> other, Descriptor d) throws IOException {
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for blob " + d.digest());
        } catch (ExecutionException e) {
            // the other download failed; the caller tries on its own
        }
    }

    private void download(Descriptor d, Opener opener, ImageSource.BlobConsumer consumer) throws IOException {
        if (!"sha256".equals(d.digest().algorithm())) {
            throw new ImageFormatException("blob " + d.digest() + ": only sha256 blobs can be stored");
        }
        Files.createDirectories(path(d.digest()).getParent());
        Path partial = Files.createTempFile(tmp, BlobLock.partialPrefix(d.digest()), ".partial");
        boolean stored = false;
        try {
            try (InputStream remote = opener.open(d);
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20);
                 VerifyingTee tee = new VerifyingTee(remote, file, d)) {
                consumer.accept(d, tee);
                tee.drain();
            }
            try {
                Files.move(partial, path(d.digest()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, path(d.digest()), StandardCopyOption.REPLACE_EXISTING);
            }
            stored = true;
            downloadedBlobs.incrementAndGet();
            downloadedBytes.addAndGet(d.size());
        } finally {
            if (!stored) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** How many blobs this store downloaded and stored (not those found stored, nor another process's). */
    public long downloadedBlobs() {
        return downloadedBlobs.get();
    }

    /** The bytes of the blobs counted by {@link #downloadedBlobs()}. */
    public long downloadedBytes() {
        return downloadedBytes.get();
    }

    /** Every stored blob's digest. */
    public List<Digest> list() throws IOException {
        List<Digest> out = new ArrayList<>();
        Path dir = blobs.resolve("sha256");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (Digest.isDigest("sha256:" + name)) {
                    out.add(Digest.parse("sha256:" + name));
                }
            }
        }
        return out;
    }

    /** Deletes the stored blobs not in {@code keep}; returns how many bytes were freed and blobs deleted. */
    public long[] prune(Set<Digest> keep) throws IOException {
        long bytes = 0;
        long count = 0;
        for (Digest d : list()) {
            if (!keep.contains(d) && !IN_FLIGHT.containsKey(path(d))) {
                Path p = path(d);
                long size = Files.size(p);
                if (Files.deleteIfExists(p)) {
                    bytes += size;
                    count++;
                }
            }
        }
        return new long[]{count, bytes};
    }

    /**
     * Copies the stream to the file as it is read, hashing and counting; fails as soon as there are more
     * bytes than the descriptor says, and at the end when size or digest differ.
     */
    private static final class VerifyingTee extends InputStream {
        private final HashingInputStream in;
        private final OutputStream out;
        private final Descriptor d;
        private boolean checked;

        VerifyingTee(InputStream remote, OutputStream out, Descriptor d) {
            this.in = new HashingInputStream(remote, Digest.newSha256(), d.size(), count -> new ImageFormatException(
                    "blob " + d.digest() + " is larger than the " + d.size() + " bytes its descriptor says"));
            this.out = out;
            this.d = d;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                verify();
                return -1;
            }
            out.write(b, off, n);
            return n;
        }

        private void verify() throws ImageFormatException {
            if (checked) {
                return;
            }
            checked = true;
            if (in.count() != d.size()) {
                throw new ImageFormatException("blob " + d.digest() + " is " + in.count()
                        + " bytes but its descriptor says " + d.size());
            }
            Digest actual = Digest.sha256(in.digest().digest());
            if (!actual.equals(d.digest())) {
                throw new ImageFormatException("blob " + d.digest() + " does not match its digest: the content is "
                        + actual);
            }
        }

        void drain() throws IOException {
            byte[] buf = new byte[65536];
            while (read(buf, 0, buf.length) >= 0) {
                // reading verifies and stores the rest
            }
        }

        @Override
        public void close() {
            // the download is closed by the store after draining it, even if the consumer closes early
        }
    }
}
