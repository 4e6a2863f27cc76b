package dev.strata.scanner.layer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Counts (and, given a digest, hashes) every byte read through it, including skipped bytes. Remembers
 * whether the underlying stream itself failed, so callers can tell I/O errors from format errors above it.
 * An optional byte limit fails the read as soon as it is passed.
 */
public final class HashingInputStream extends InputStream {
    /** The failure to throw once more than the limit was read. */
    public interface LimitExceeded {
        IOException exceeded(long count);
    }

    private final InputStream in;
    private final MessageDigest digest;
    private final long limit;
    private final LimitExceeded onLimit;
    private long count;
    private boolean sourceFailed;
    private byte[] skipBuffer;

    HashingInputStream(InputStream in, MessageDigest digest) {
        this(in, digest, -1, null);
    }

    /** Hashes into {@code digest} (may be {@code null}) and fails with {@code onLimit} past {@code limit} bytes (≥ 0). */
    public HashingInputStream(InputStream in, MessageDigest digest, long limit, LimitExceeded onLimit) {
        this.in = in;
        this.digest = digest;
        this.limit = limit;
        this.onLimit = onLimit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            sourceFailed = true;
            throw e;
        }
        if (n > 0) {
            if (digest != null) {
                digest.update(b, off, n);
            }
            count += n;
            if (limit >= 0 && count > limit) {
                throw onLimit.exceeded(count);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (skipBuffer == null) {
            skipBuffer = new byte[8192];
        }
        long skipped = 0;
        while (skipped < n) {
            int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Reads to the end, returning how many bytes that was. */
    long drain() throws IOException {
        byte[] buf = new byte[65536];
        long total = 0;
        int r;
        while ((r = read(buf, 0, buf.length)) >= 0) {
            total += r;
        }
        return total;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /** Bytes read (and skipped) so far. */
    public long count() {
        return count;
    }

    boolean sourceFailed() {
        return sourceFailed;
    }

    /** The digest the bytes go into. */
    public MessageDigest digest() {
        return digest;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }
}
