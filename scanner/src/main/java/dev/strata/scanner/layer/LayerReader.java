package dev.strata.scanner.layer;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.strata.scanner.image.Descriptor;
import dev.strata.scanner.image.Digest;
import dev.strata.scanner.image.ImageFormatException;
import dev.strata.scanner.image.MediaTypes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;

/**
 * Streams one layer blob exactly once: detects and verifies its compression, inflates it, checks the blob
 * digest and size and the diffID, parses the tar, validates and normalises every entry and hashes every
 * regular file. Nothing is buffered beyond a few fixed chunks and nothing is written to disk.
 *
 * <p>Two threads per read: a producer task inflates the blob (and hashes the compressed bytes; with an
 * {@link ExternalGzipInflater} a third thread feeds the compressed bytes to the igzip process); the
 * calling thread parses the tar, hashes the uncompressed stream and each file. They are connected by a
 * {@link PipedChunkStream} of {@value #CHUNK_COUNT} × {@value #CHUNK_SIZE} bytes. The producer runs on the
 * executor given to the constructor, or on a new daemon thread per read when none is given. A given executor
 * must be able to run the producer concurrently with every thread that calls {@code read} on it: never pass
 * the pool the {@code read} calls themselves run on (that can deadlock) — use a separate pool with at least
 * as many threads as concurrent reads, or none.
 *
 * <p>Entry rules (all violations are {@link ImageFormatException}s naming the layer and the entry):
 * <ul>
 *   <li>Paths are made clean and absolute ({@code ./etc//x/} ⇒ {@code /etc/x}; {@code ./} ⇒ {@code /}).
 *       Names written absolute ({@code /etc/x}) or containing {@code ..} are rejected.</li>
 *   <li>A path may appear once per layer. Exception: a directory entry repeated for a directory is allowed
 *       and the later header wins (as on extraction), keeping the first one's position in the list.
 *       Whiteouts are a separate namespace (a layer may both whiteout {@code /a} and add {@code /a}); a
 *       repeated whiteout or opaque marker for the same path is rejected.</li>
 *   <li>{@code .wh.NAME} ⇒ {@link EntryType#WHITEOUT} for the deleted path; {@code .wh..wh..opq} ⇒
 *       {@link EntryType#OPAQUE_WHITEOUT} for its directory; a bare {@code .wh.} (or {@code .wh..}) is
 *       rejected; other AUFS metadata ({@code .wh..wh.*}) is skipped, as Docker does.</li>
 *   <li>A hard link must point to an earlier non-directory entry of this same layer. Its {@link LayerEntry}
 *       has size 0, no sha256 and {@code linkTarget} = the normalised path of the original file (hard-link
 *       chains are followed to the first entry); look that entry up for content digest and size.</li>
 *   <li>Symlink targets are kept as written (they may contain {@code ..}, resolved against the link's
 *       directory and clamped at {@code /}). Each symlink is resolved component by component through this
 *       layer's own symlinks; needing more than {@value #MAX_SYMLINK_EXPANSIONS} expansions (as Linux's
 *       ELOOP) is reported as a symlink loop. Targets leaving this layer's symlinks are not followed.</li>
 * </ul>
 * The compressed digest and size are checked against the descriptor (size ≤ 0 means unknown; a blob
 * longer than a known size fails as soon as it is longer). A descriptor declaring a plain tar whose content
 * is gzip or zstd is read as such; if it is {@link MediaTypes#DOCKER_LAYER_TAR} then its digest is not
 * checked (a docker-archive's synthesised descriptor carries the diffID), but the diffID still is.
 * The raw stream is read to its very end and is not closed.
 */
public final class LayerReader {
    static final int CHUNK_COUNT = 8;
    static final int CHUNK_SIZE = 256 * 1024;
    static final int MAX_SYMLINK_EXPANSIONS = 40;
    private static final int MAX_SYMLINK_STEPS = 100_000;
    private static final int IO_BUFFER = 64 * 1024;
    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String WHITEOUT_META_PREFIX = ".wh..wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final LayerLimits limits;
    private final Executor executor;
    private final GzipInflater gzip;

    /** Reads with {@code limits}, starting a daemon producer thread per read. */
    public LayerReader(LayerLimits limits) {
        this(limits, null);
    }

    /** Reads with {@code limits}, running producer tasks on {@code executor} (see the class comment). */
    public LayerReader(LayerLimits limits, Executor executor) {
        this(limits, executor, GzipInflater.java());
    }

    /** As above, inflating gzip layers with {@code gzip}. */
    public LayerReader(LayerLimits limits, Executor executor, GzipInflater gzip) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.executor = executor;
        this.gzip = Objects.requireNonNull(gzip, "gzip");
    }

    public LayerLimits limits() {
        return limits;
    }

    /**
     * Reads and verifies one layer blob. {@code expectedDiffId} {@code null} means "not checked" (the diffID
     * is still computed and returned). {@code raw} is read to its end and not closed. Fails with an
     * {@link ImageFormatException} for bad content, and with the raw stream's own {@link IOException} when
     * reading it fails.
     */
    public LayerContents read(Descriptor blob, Digest expectedDiffId, InputStream raw) throws IOException {
        return read(blob, expectedDiffId, raw, null);
    }

    /**
     * Reads and verifies one layer blob, showing the files {@code visitor} wants to it (may be {@code null}).
     */
    public LayerContents read(Descriptor blob, Digest expectedDiffId, InputStream raw, LayerFileVisitor visitor)
            throws IOException {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(raw, "raw");
        String label = "layer " + blob.digest();
        Compression declared = declaredCompression(blob, label);

        // the first bytes are peeked on this thread, so the pipeline knows the compression before it starts
        HashingInputStream rawCounted = new HashingInputStream(raw, newDigest(blob.digest().algorithm()),
                blob.size() > 0 ? blob.size() : -1,
                count -> new ImageFormatException(label + " size mismatch: manifest says " + blob.size()
                        + " bytes, content is at least " + count + " bytes"));
        ReadAheadInputStream ahead = new ReadAheadInputStream(rawCounted, IO_BUFFER);
        byte[] magic;
        try {
            magic = ahead.peek(4);
        } catch (IOException e) {
            throw rawCounted.sourceFailed() || e instanceof ImageFormatException ? e
                    : new ImageFormatException(label + ": " + e.getMessage(), e);
        }
        Compression actual = sniff(magic);
        if (declared != Compression.NONE && actual != declared) {
            throw new ImageFormatException(label + " is declared " + declared.name().toLowerCase()
                    + " but is not " + declared.name().toLowerCase() + "-compressed");
        }
        boolean checkBlobDigest = !(actual != declared && MediaTypes.DOCKER_LAYER_TAR.equals(blob.mediaType()));

        Producer producer = new Producer(label, actual, rawCounted, ahead, blob.size());
        String diffAlgorithm = expectedDiffId == null ? "sha256" : expectedDiffId.algorithm();
        // an uncompressed blob is its own tar: hash it once when the algorithms agree
        MessageDigest diffDigest = actual == Compression.NONE && diffAlgorithm.equals(blob.digest().algorithm())
                ? null : newDigest(diffAlgorithm);
        Consumer consumer = new Consumer(label, visitor);
        try (PipedChunkStream pipe = PipedChunkStream.start(executor, CHUNK_COUNT, CHUNK_SIZE, producer)) {
            HashingInputStream uncompressed = new HashingInputStream(pipe, diffDigest);
            try {
                consumer.parse(uncompressed);
                uncompressed.drain(); // trailing zero blocks
                if (uncompressed.count() % 512 != 0) {
                    // commons-compress ends quietly at a partial header record
                    throw new ImageFormatException(label + ": tar stream is truncated"
                            + (consumer.lastName == null ? "" : " after entry '" + consumer.lastName + "'"));
                }
            } catch (IOException | RuntimeException e) {
                Throwable upstream = pipe.producerFailure();
                if (upstream instanceof IOException io && upstream != e) {
                    io.addSuppressed(e);
                    throw io;
                }
                throw e;
            }
            // the pipe ended, so the producer has set its results
            Digest blobDigest = digestOf(blob.digest().algorithm(), producer.compressedDigest);
            long blobSize = producer.compressedSize;
            Digest diffId = diffDigest == null ? blobDigest : digestOf(diffAlgorithm, diffDigest.digest());
            if (checkBlobDigest && !blobDigest.equals(blob.digest())) {
                throw new ImageFormatException(label + " digest mismatch: manifest says " + blob.digest()
                        + ", content is " + blobDigest);
            }
            if (blob.size() > 0 && blobSize != blob.size()) {
                throw new ImageFormatException(label + " size mismatch: manifest says " + blob.size()
                        + " bytes, content is " + blobSize + " bytes");
            }
            if (expectedDiffId != null && !diffId.equals(expectedDiffId)) {
                throw new ImageFormatException(label + " diffID mismatch: config says " + expectedDiffId
                        + ", content is " + diffId);
            }
            consumer.checkSymlinkLoops();
            return new LayerContents(blobDigest, blobSize, diffId, uncompressed.count(), actual, consumer.entries);
        }
    }

    private static MessageDigest newDigest(String algorithm) {
        if (algorithm.equals("sha256")) {
            return Digest.newSha256();
        }
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
    }

    private static Digest digestOf(String algorithm, byte[] hash) {
        return new Digest(algorithm, java.util.HexFormat.of().formatHex(hash));
    }

    private static Compression declaredCompression(Descriptor blob, String label) throws ImageFormatException {
        String type = blob.mediaType();
        if (type == null) {
            throw new ImageFormatException(label + " has no media type");
        }
        return switch (type) {
            case MediaTypes.OCI_LAYER_GZIP, MediaTypes.OCI_LAYER_NONDIST_GZIP, MediaTypes.DOCKER_LAYER_GZIP,
                    MediaTypes.DOCKER_FOREIGN_LAYER_GZIP -> Compression.GZIP;
            case MediaTypes.OCI_LAYER_ZSTD, MediaTypes.OCI_LAYER_NONDIST_ZSTD, MediaTypes.DOCKER_LAYER_ZSTD ->
                    Compression.ZSTD;
            case MediaTypes.OCI_LAYER_TAR, MediaTypes.OCI_LAYER_NONDIST_TAR, MediaTypes.DOCKER_LAYER_TAR ->
                    Compression.NONE;
            default -> throw new ImageFormatException(label + " has unsupported media type '" + type + "'");
        };
    }

    static Compression sniff(byte[] magic) {
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (magic.length >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** Runs on the pipe's producer thread: inflates, enforces the size limits, reads the blob to its end. */
    private final class Producer implements PipedChunkStream.Producer {
        private final String label;
        private final Compression compression;
        private final HashingInputStream rawCounted;
        private final ReadAheadInputStream ahead;
        private final long declaredSize;
        byte[] compressedDigest;
        long compressedSize;

        Producer(String label, Compression compression, HashingInputStream rawCounted, ReadAheadInputStream ahead,
                 long declaredSize) {
            this.label = label;
            this.compression = compression;
            this.rawCounted = rawCounted;
            this.ahead = ahead;
            this.declaredSize = declaredSize;
        }

        @Override
        public void produce(OutputStream out) throws IOException {
            try {
                InputStream decompressed = switch (compression) {
                    case NONE -> ahead;
                    case GZIP -> gzip.inflate(ahead, declaredSize);
                    case ZSTD -> {
                        ZstdNative.ensureLoaded();
                        yield new ZstdInputStreamNoFinalizer(ahead);
                    }
                };
                try {
                    pump(decompressed, out);
                    ahead.transferTo(OutputStream.nullOutputStream()); // trailing bytes still count
                } finally {
                    if (decompressed != ahead) {
                        decompressed.close(); // frees native/inflater memory; ahead.close() is a no-op
                    }
                }
            } catch (PipedChunkStream.CancelledException | ImageFormatException e) {
                throw e;
            } catch (IOException e) {
                if (rawCounted.sourceFailed()) {
                    throw e;
                }
                throw formatError(e);
            }
            compressedDigest = rawCounted.digest().digest();
            compressedSize = rawCounted.count();
        }

        private void pump(InputStream in, OutputStream out) throws IOException {
            byte[] buf = new byte[CHUNK_SIZE];
            long total = 0;
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                if (n == 0) {
                    continue;
                }
                total += n;
                if (total > limits.maxUncompressedBytes()) {
                    throw new ImageFormatException(label + ": uncompressed size exceeds the limit of "
                            + limits.maxUncompressedBytes() + " bytes");
                }
                if (compression != Compression.NONE && total > limits.ratioCheckAfterBytes()) {
                    long compressed = Math.max(1, rawCounted.count());
                    if (total / compressed > limits.maxCompressionRatio()) {
                        throw new ImageFormatException(label + ": decompression bomb: ratio " + total / compressed
                                + ":1 exceeds limit " + limits.maxCompressionRatio() + ":1");
                    }
                }
                out.write(buf, 0, n);
            }
        }

        private ImageFormatException formatError(IOException e) {
            String kind = compression.name().toLowerCase();
            String message = String.valueOf(e.getMessage());
            if (e instanceof EOFException || message.contains("runcated") || message.contains("nexpected end")) {
                return new ImageFormatException(label + ": unexpected end of " + kind + " stream", e);
            }
            if (e instanceof ZipException || compression == Compression.ZSTD) {
                return new ImageFormatException(label + ": corrupt " + kind + " stream: " + message, e);
            }
            return new ImageFormatException(label + ": " + message, e);
        }
    }

    /** Runs on the calling thread: parses the tar and builds the entry list. */
    private final class Consumer {
        private final String label;
        private final LayerFileVisitor visitor;
        final List<LayerEntry> entries = new ArrayList<>();
        private final Map<String, Integer> indexByPath = new HashMap<>();
        private final Set<String> whiteouts = new HashSet<>();
        private final Map<String, String> symlinks = new HashMap<>();
        private final byte[] buf = new byte[IO_BUFFER];
        private final MessageDigest fileDigest = Digest.newSha256();
        String lastName;

        Consumer(String label, LayerFileVisitor visitor) {
            this.label = label;
            this.visitor = visitor;
        }

        void parse(InputStream uncompressed) throws IOException {
            TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed, "UTF-8");
            String previous = null;
            int count = 0;
            while (true) {
                TarArchiveEntry entry;
                try {
                    entry = tar.getNextEntry();
                } catch (ImageFormatException e) {
                    throw e;
                } catch (IOException e) {
                    if (e.getCause() instanceof ImageFormatException f) {
                        throw f;
                    }
                    String after = previous == null ? "" : " after entry '" + previous + "'";
                    if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("runcated")) {
                        throw new ImageFormatException(label + ": tar stream is truncated" + after, e);
                    }
                    throw new ImageFormatException(label + ": malformed tar" + after + ": " + e.getMessage(), e);
                }
                if (entry == null) {
                    return;
                }
                if (++count > limits.maxEntries()) {
                    throw new ImageFormatException(label + " has more than " + limits.maxEntries() + " entries");
                }
                previous = entry.getName();
                lastName = previous;
                add(tar, entry);
            }
        }

        private ImageFormatException bad(String name, String problem) {
            return new ImageFormatException(label + ": tar entry '" + name + "' " + problem);
        }

        private void add(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
            String name = entry.getName();
            if (name.length() > limits.maxPathLength()) {
                throw bad(name.substring(0, Math.min(64, limits.maxPathLength())) + "…", "is longer than " + limits.maxPathLength() + " characters");
            }
            if (name.isEmpty()) {
                throw bad(name, "has an empty name");
            }
            if (name.startsWith("/")) {
                throw bad(name, "has an absolute path");
            }
            String path = normalise(name);
            int slash = path.lastIndexOf('/');
            String base = path.substring(slash + 1);
            String parent = slash == 0 ? "/" : path.substring(0, slash);

            int mode = entry.getMode();
            long uid = entry.getLongUserId();
            long gid = entry.getLongGroupId();
            long mtime = entry.getLastModifiedTime() == null ? 0
                    : entry.getLastModifiedTime().to(TimeUnit.SECONDS);

            if (base.startsWith(WHITEOUT_PREFIX)) {
                EntryType type;
                String deleted;
                if (base.equals(OPAQUE)) {
                    type = EntryType.OPAQUE_WHITEOUT;
                    deleted = parent;
                } else if (base.startsWith(WHITEOUT_META_PREFIX)) {
                    skipContent(tar, name, entry.getSize());
                    return; // AUFS metadata (.wh..wh.plnk etc.), ignored like Docker does
                } else {
                    String target = base.substring(WHITEOUT_PREFIX.length());
                    if (target.isEmpty() || target.equals(".") || target.equals("..")) {
                        throw bad(name, "is an invalid whiteout");
                    }
                    type = EntryType.WHITEOUT;
                    deleted = parent.equals("/") ? "/" + target : parent + "/" + target;
                }
                if (!whiteouts.add((type == EntryType.OPAQUE_WHITEOUT ? "opq:" : "wh:") + deleted)) {
                    throw bad(name, "is a duplicate whiteout for " + deleted);
                }
                skipContent(tar, name, entry.getSize());
                entries.add(new LayerEntry(deleted, type, 0, mode, uid, gid, mtime, null, null));
                return;
            }

            LayerEntry result;
            if (entry.isDirectory()) {
                result = new LayerEntry(path, EntryType.DIRECTORY, 0, mode, uid, gid, mtime, null, null);
                Integer earlier = indexByPath.get(path);
                if (earlier != null && entries.get(earlier).type() == EntryType.DIRECTORY) {
                    entries.set(earlier, result); // repeated directory header: the later one wins
                    return;
                }
            } else if (entry.isSymbolicLink()) {
                String target = entry.getLinkName();
                if (target == null || target.isEmpty()) {
                    throw bad(name, "is a symlink without a target");
                }
                result = new LayerEntry(path, EntryType.SYMLINK, 0, mode, uid, gid, mtime, target, null);
            } else if (entry.isLink()) {
                String target = entry.getLinkName();
                String targetPath = target == null ? "" : hardLinkTarget(name, target);
                Integer t = indexByPath.get(targetPath);
                if (t == null) {
                    throw bad(name, "is a hard link to missing '" + target + "'");
                }
                LayerEntry original = entries.get(t);
                if (original.type() == EntryType.DIRECTORY) {
                    throw bad(name, "is a hard link to directory '" + target + "'");
                }
                if (original.type() == EntryType.HARDLINK) {
                    targetPath = original.linkTarget();
                }
                skipContent(tar, name, entry.getSize());
                result = new LayerEntry(path, EntryType.HARDLINK, 0, mode, uid, gid, mtime, targetPath, null);
            } else if (entry.isCharacterDevice()) {
                result = new LayerEntry(path, EntryType.CHAR_DEVICE, 0, mode, uid, gid, mtime, null, null);
            } else if (entry.isBlockDevice()) {
                result = new LayerEntry(path, EntryType.BLOCK_DEVICE, 0, mode, uid, gid, mtime, null, null);
            } else if (entry.isFIFO()) {
                result = new LayerEntry(path, EntryType.FIFO, 0, mode, uid, gid, mtime, null, null);
            } else if (entry.isFile()) {
                Digest sha = hashContent(tar, name, path, entry.getSize());
                result = new LayerEntry(path, EntryType.FILE, entry.getSize(), mode, uid, gid, mtime, null, sha);
            } else {
                throw bad(name, "has unsupported tar type '" + (char) entry.getLinkFlag() + "'");
            }
            if (path.equals("/") && result.type() != EntryType.DIRECTORY) {
                throw bad(name, "names the root but is not a directory");
            }
            Integer earlier = indexByPath.putIfAbsent(path, entries.size());
            if (earlier != null) {
                throw bad(name, "is a duplicate entry for " + path);
            }
            if (result.type() == EntryType.SYMLINK) {
                symlinks.put(path, result.linkTarget());
            }
            entries.add(result);
        }

        private String hardLinkTarget(String name, String target) throws ImageFormatException {
            if (target.isEmpty()) {
                throw bad(name, "is a hard link without a target");
            }
            // link names are archive-relative; a leading '/' is tolerated here (GNU tar strips it too)
            String relative = target.startsWith("/") ? target.substring(1) : target;
            try {
                return normalise(relative);
            } catch (ImageFormatException e) {
                throw bad(name, "is a hard link to '" + target + "' outside the layer");
            }
        }

        /** Clean absolute form of an archive-relative name; rejects {@code ..}. */
        private String normalise(String name) throws ImageFormatException {
            StringBuilder out = new StringBuilder(name.length() + 1);
            int i = 0;
            int n = name.length();
            while (i < n) {
                int j = name.indexOf('/', i);
                if (j < 0) {
                    j = n;
                }
                int len = j - i;
                if (len == 0 || (len == 1 && name.charAt(i) == '.')) {
                    // empty or '.' component
                } else if (len == 2 && name.charAt(i) == '.' && name.charAt(i + 1) == '.') {
                    throw bad(name, "contains a '..' component");
                } else {
                    out.append('/').append(name, i, j);
                }
                i = j + 1;
            }
            return out.length() == 0 ? "/" : out.toString();
        }

        private Digest hashContent(TarArchiveInputStream tar, String name, String path, long size)
                throws IOException {
            fileDigest.reset();
            EntryContent content = new EntryContent(tar, name, size);
            if (visitor != null && visitor.wants(path, size)) {
                visitor.visit(path, content);
            }
            content.drain();
            return Digest.sha256(fileDigest.digest());
        }

        private void skipContent(TarArchiveInputStream tar, String name, long size) throws IOException {
            if (size > 0) {
                fileDigest.reset();
                new EntryContent(tar, name, size).drain();
            }
        }

        void checkSymlinkLoops() throws ImageFormatException {
            for (String link : symlinks.keySet()) {
                resolve(link);
            }
        }

        private void resolve(String link) throws ImageFormatException {
            // resolved.get(i) is the full path of the first i+1 resolved components
            List<String> resolved = new ArrayList<>();
            Deque<String> remaining = new ArrayDeque<>();
            pushComponents(remaining, link);
            int expansions = 0;
            int steps = 0;
            while (!remaining.isEmpty()) {
                if (++steps > MAX_SYMLINK_STEPS) {
                    throw new ImageFormatException(label + ": symlink loop at '" + link + "' (resolution too long)");
                }
                String c = remaining.pollFirst();
                if (c.equals("..")) {
                    if (!resolved.isEmpty()) {
                        resolved.remove(resolved.size() - 1);
                    }
                    continue;
                }
                String path = (resolved.isEmpty() ? "" : resolved.get(resolved.size() - 1)) + "/" + c;
                String target = symlinks.get(path);
                if (target == null) {
                    resolved.add(path);
                    continue;
                }
                if (++expansions > MAX_SYMLINK_EXPANSIONS) {
                    throw new ImageFormatException(label + ": symlink loop at '" + link + "' (-> '"
                            + symlinks.get(link) + "')");
                }
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                pushComponents(remaining, target);
            }
        }

        private static void pushComponents(Deque<String> remaining, String path) {
            String[] parts = path.split("/");
            for (int i = parts.length - 1; i >= 0; i--) {
                if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                    remaining.addFirst(parts[i]);
                }
            }
        }

        /**
         * One entry's content: hashes what it reads into {@code fileDigest}; turns an early end into a
         * "truncated" error. Handed to visitors, so close() does nothing.
         */
        private final class EntryContent extends InputStream {
            private final TarArchiveInputStream tar;
            private final String name;
            private final long size;
            private final byte[] one = new byte[1];
            private long read;

            EntryContent(TarArchiveInputStream tar, String name, long size) {
                this.tar = tar;
                this.name = name;
                this.size = size;
            }

            @Override
            public int read() throws IOException {
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                int n;
                try {
                    n = tar.read(b, off, len);
                } catch (ImageFormatException e) {
                    throw e;
                } catch (IOException e) {
                    // commons-compress reports a short entry as "Truncated TAR archive" (an EOFException in
                    // older versions); anything else here came from the pipe and is rethrown by read(...)
                    if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("runcated")) {
                        throw truncated(e);
                    }
                    throw e;
                }
                if (n < 0) {
                    if (read < size) {
                        throw truncated(null);
                    }
                    return -1;
                }
                fileDigest.update(b, off, n);
                read += n;
                return n;
            }

            private ImageFormatException truncated(Throwable cause) {
                return new ImageFormatException(label + ": tar entry '" + name + "' is truncated ("
                        + read + " of " + size + " bytes)", cause);
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = 0;
                while (skipped < n) {
                    int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }

            @Override
            public int available() {
                return 0;
            }

            void drain() throws IOException {
                while (read(buf, 0, buf.length) >= 0) {
                    // hashing happens in read
                }
            }

            @Override
            public void close() {
                // the rest is drained by the reader
            }
        }
    }
}
